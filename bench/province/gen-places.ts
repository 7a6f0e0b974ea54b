import { iso, placeName } from './plan.ts';
import { seededRandom } from './random.ts';
import { flushIfFull, listOf, t, type World } from './world.ts';

const divisions = t('divisions', [
  ['id', 'int'], ['parent_id', 'int'], ['name', 'text'], ['level', 'text'], ['code', 'text'], ['path', 'text'], ['depth', 'int'], ['created_at', 'text'], ['updated_at', 'text'],
]);
const users = t('users', [
  ['id', 'int'], ['username', 'text'], ['display_name', 'text'], ['password_hash', 'text'], ['division_id', 'int'], ['roles', 'text'], ['disabled', 'int'], ['locale', 'text'], ['password_changed_at', 'text'], ['created_at', 'text'], ['updated_at', 'text'],
]);

/**
 * The division tree (province › cities › districts › towns › villages, ids in that order, so each
 * path is known as it is written) and one staff user per office down to the towns. Users get an
 * unusable password hash: the benchmark signs in by creating a session row.
 */
export async function generatePlaces(world: World): Promise<void> {
  const { plan, sink } = world;
  const random = seededRandom(world.seed, 'places');
  const at = iso(world.now - 1000 * 86_400_000);
  const divisionWriter = sink.table(divisions);
  const userWriter = sink.table(users);
  const path = new Map<number, string>();
  const total = 1 + plan.cities + plan.districts + plan.towns + plan.villages;
  world.townOf = new Int32Array(total + 1);
  world.districtOf = new Int32Array(total + 1);
  world.staffOf = new Int32Array(total + 1);
  let nextId = 1;
  let nextUser = 1;
  const add = async (parent: number | null, name: string, level: string, depth: number) => {
    const id = nextId++;
    const own = `${parent === null ? '/' : path.get(parent)!}${id}/`;
    path.set(id, own);
    divisionWriter.add([id, parent, name, level, String(330000000000 + id), own, depth, at, at]);
    if (level !== 'village') {
      const userId = nextUser++;
      const displayName = `${name}工作人员`;
      const roles = level === 'province' ? ['system_admin'] : ['division_admin', 'staff'];
      userWriter.add([userId, `bench_${id}`, displayName, '!', id, JSON.stringify(roles), 0, 'zh-CN', at, at, at]);
      world.staffOf[id] = userId;
      world.staffName.set(userId, displayName);
    }
    await flushIfFull(divisionWriter, userWriter);
    return id;
  };
  world.province = await add(null, '同心省', 'province', 0);
  for (let i = 0; i < plan.cities; i++) world.cities.push(await add(world.province, placeName(i * 7 + 3, '市'), 'city', 1));
  // Districts, towns and villages are spread unevenly: some cities are bigger than others.
  for (let i = 0; i < plan.districts; i++) {
    const city = i < plan.cities ? world.cities[i]! : world.cities[random.int(plan.cities)]!;
    const id = await add(city, placeName(i * 11 + 5, i % 3 === 0 ? '县' : '区'), 'district', 2);
    world.districts.push(id);
    world.districtOf[id] = id;
    listOf(world.districtsByCity, city).push(id);
  }
  for (let i = 0; i < plan.towns; i++) {
    const district = i < plan.districts ? world.districts[i]! : world.districts[random.int(plan.districts)]!;
    const id = await add(district, placeName(i, i % 4 === 0 ? '街道' : '镇'), 'town', 3);
    world.towns.push(id);
    world.townOf[id] = id;
    listOf(world.townsByDistrict, district).push(id);
    world.districtOf[id] = district;
  }
  for (let i = 0; i < plan.villages; i++) {
    const town = i < plan.towns ? world.towns[i]! : world.towns[random.int(plan.towns)]!;
    const id = await add(town, placeName(i, i % 5 === 0 ? '社区' : '村'), 'village', 4);
    world.villages.push(id);
    world.townOf[id] = town;
    world.districtOf[id] = world.districtOf[town]!;
  }
  await divisionWriter.flush();
  await userWriter.flush();
}
