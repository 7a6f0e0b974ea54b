import { registerImportDefinition } from '../import-definition.ts';
import { divisionImport } from './divisions.import.ts';
import { venueImport } from '../../venues/venues.import.ts';
import { resourceImport } from '../../resources/resources.import.ts';
import { membershipImport } from '../../organisations/memberships.import.ts';
import { organisationImport } from '../../organisations/organisations.import.ts';
import { personImport } from '../../people/people.import.ts';

/*
 * Every importable list, registered once. A module that adds an import writes its definition next
 * to its own code (e.g. `modules/organisations/organisations.import.ts`) and adds ONE line here.
 */
registerImportDefinition(divisionImport);
registerImportDefinition(organisationImport);
registerImportDefinition(personImport);
registerImportDefinition(membershipImport);
registerImportDefinition(venueImport);
registerImportDefinition(resourceImport);
