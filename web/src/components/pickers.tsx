import { fetchBrand, listBrands } from '../api/brands.ts';
import { fetchOrganisation, listOrganisations } from '../api/organisations.ts';
import { fetchPerson, listPeople } from '../api/people.ts';
import { RecordPicker, type RecordPickerProps } from './RecordPicker.tsx';

const pageSize = 20;

async function searchOrganisations(q: string) {
  const page = await listOrganisations({ q: q || undefined, page: 1, pageSize });
  return page.items.map((item) => ({ id: item.id, name: item.name, hint: item.divisionName }));
}

async function searchPeople(q: string) {
  const page = await listPeople({ q: q || undefined, page: 1, pageSize });
  return page.items.map((item) => ({ id: item.id, name: item.name, hint: [item.organisationName, item.divisionName].filter(Boolean).join(' · ') }));
}

async function searchBrands(q: string) {
  const page = await listBrands({ q: q || undefined, page: 1, pageSize });
  return page.items.map((item) => ({ id: item.id, name: item.name, hint: item.divisionName }));
}

/** An organisation of the user's subtree (the server limits the search to it). */
export function OrganisationPicker(props: RecordPickerProps) {
  return <RecordPicker kind="organisations" search={searchOrganisations} nameOf={async (id) => (await fetchOrganisation(id)).name} {...props} />;
}

export function PersonPicker(props: RecordPickerProps) {
  return <RecordPicker kind="people" search={searchPeople} nameOf={async (id) => (await fetchPerson(id)).name} {...props} />;
}

export function BrandPicker(props: RecordPickerProps) {
  return <RecordPicker kind="brands" search={searchBrands} nameOf={async (id) => (await fetchBrand(id)).name} {...props} />;
}
