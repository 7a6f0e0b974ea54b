import { registerImportDefinition } from '../import-definition.ts';
import { divisionImport } from './divisions.import.ts';

/*
 * Every importable list, registered once. A module that adds an import writes its definition next
 * to its own code (e.g. `modules/organisations/organisations.import.ts`) and adds ONE line here.
 */
registerImportDefinition(divisionImport);
