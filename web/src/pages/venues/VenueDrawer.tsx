import { useEffect } from 'react';
import { Form, Input, Rate, Select, Switch } from 'antd';
import type { VenueLevel, VenueType } from '@tongxin/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/auth.ts';
import { venueLevels, venueTypes } from '../../api/registry-enums.ts';
import { createVenue, fetchVenue, updateVenue, venueKeys, type VenueInput } from '../../api/venues.ts';
import { DivisionPicker } from '../../components/DivisionPicker.tsx';
import { enumOptions } from '../../components/enum-options.ts';
import { changedFields, textOrNull } from '../../components/form-helpers.ts';
import { BrandPicker, OrganisationPicker } from '../../components/pickers.tsx';
import { RecordDrawer } from '../../components/RecordDrawer.tsx';
import { useRecordSave } from '../../components/useRecordSave.ts';

interface Values {
  divisionId: number | null;
  name: string;
  type: VenueType;
  level: VenueLevel;
  starRating: number | null;
  address?: string;
  hotline?: string;
  openingHours?: string;
  ownerOrganisationId: number | null;
  brandId: number | null;
  isPublic: boolean;
  description?: string;
}

export type VenueDrawerTarget = 'create' | number | null;

/** A venue (阵地): type, level, stars, where and when it is open, who runs it, its brand, and whether the public guide lists it. */
export function VenueDrawer({ target, onClose, onSaved }: { target: VenueDrawerTarget; onClose: () => void; onSaved?: (id: number) => void }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [form] = Form.useForm<Values>();
  const { saving, create, update } = useRecordSave(form, { refresh: venueKeys.all, onClose, onSaved });
  const editingId = typeof target === 'number' ? target : null;
  const detail = useQuery({ queryKey: venueKeys.detail(editingId ?? 0), queryFn: () => fetchVenue(editingId!), enabled: editingId !== null });
  const record = editingId !== null ? detail.data : undefined;
  const canSave = target === 'create' || Boolean(record?.allowed.includes('update'));
  const isPublic = Form.useWatch('isPublic', form);

  useEffect(() => {
    if (target === null) return;
    form.resetFields();
    if (target === 'create') form.setFieldsValue({ divisionId: me?.divisionId ?? null, level: 'town', isPublic: false, starRating: null });
  }, [target, form, me?.divisionId]);

  useEffect(() => {
    if (!record) return;
    form.setFieldsValue({
      divisionId: record.divisionId,
      name: record.name,
      type: record.type,
      level: record.level,
      starRating: record.starRating,
      address: record.address ?? '',
      hotline: record.hotline ?? '',
      openingHours: record.openingHours ?? '',
      ownerOrganisationId: record.ownerOrganisation?.id ?? null,
      brandId: record.brand?.id ?? null,
      isPublic: record.isPublic,
      description: record.description ?? '',
    });
  }, [record, form]);

  const save = (values: Values) => {
    const input: VenueInput = {
      divisionId: values.divisionId!,
      name: values.name.trim(),
      type: values.type,
      level: values.level,
      starRating: values.starRating || null,
      address: textOrNull(values.address),
      hotline: textOrNull(values.hotline),
      openingHours: textOrNull(values.openingHours),
      ownerOrganisationId: values.ownerOrganisationId ?? null,
      brandId: values.brandId ?? null,
      isPublic: Boolean(values.isPublic),
      description: textOrNull(values.description),
    };
    if (target === 'create') {
      void create(() => createVenue(input), (created) => t('registry.common.createdNamed', { name: created.name }));
    } else if (record) {
      const before: VenueInput = {
        divisionId: record.divisionId,
        name: record.name,
        type: record.type,
        level: record.level,
        starRating: record.starRating,
        address: record.address,
        hotline: record.hotline,
        openingHours: record.openingHours,
        ownerOrganisationId: record.ownerOrganisation?.id ?? null,
        brandId: record.brand?.id ?? null,
        isPublic: record.isPublic,
        description: record.description,
      };
      const changes = changedFields(before, input);
      void update(changes, (changed) => updateVenue(record.id, { ...changed, version: record.version }));
    }
  };

  const required = { required: true, message: t('validation.required') };
  return (
    <RecordDrawer
      open={target !== null}
      title={target === 'create' ? t('registry.venues.createTitle') : t('registry.common.editTitle', { name: record?.name ?? '' })}
      onClose={onClose}
      onSave={() => form.submit()}
      saving={saving}
      canSave={canSave}
      loading={editingId !== null && detail.isPending}
      loadError={editingId !== null ? detail.error : null}
      testId="venue-drawer"
    >
      <Form<Values> form={form} layout="vertical" disabled={!canSave} onFinish={(values) => void save(values)}>
        <Form.Item name="name" label={t('venues.name')} rules={[required, { whitespace: true, message: t('validation.required') }, { max: 100 }]}>
          <Input data-testid="venue-form-name" />
        </Form.Item>
        <Form.Item name="type" label={t('venues.type')} rules={[required]}>
          <Select options={enumOptions(t, 'venueTypes', venueTypes)} data-testid="venue-form-type" />
        </Form.Item>
        <Form.Item name="level" label={t('venues.level')} rules={[required]}>
          <Select options={enumOptions(t, 'venueLevels', venueLevels)} data-testid="venue-form-level" />
        </Form.Item>
        <Form.Item name="starRating" label={t('venues.starRating')} extra={t('registry.venues.starHint')}>
          <Rate allowClear />
        </Form.Item>
        <Form.Item name="divisionId" label={t('registry.common.division')} rules={[required]}>
          <DivisionPicker allowClear={false} data-testid="venue-form-division" />
        </Form.Item>
        <Form.Item name="address" label={t('venues.address')} rules={[{ max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="hotline" label={t('venues.hotline')} extra={isPublic ? t('registry.venues.hotlineHint') : undefined}>
          <Input inputMode="tel" maxLength={40} className="tx-numeric" data-testid="venue-form-hotline" />
        </Form.Item>
        <Form.Item name="openingHours" label={t('venues.openingHours')} rules={[{ max: 100 }]}>
          <Input placeholder={t('registry.venues.openingHoursExample')} />
        </Form.Item>
        <Form.Item name="ownerOrganisationId" label={t('venues.owner')}>
          <OrganisationPicker initialLabel={record?.ownerOrganisation?.name ?? null} />
        </Form.Item>
        <Form.Item name="brandId" label={t('venues.brand')}>
          <BrandPicker initialLabel={record?.brand?.name ?? null} />
        </Form.Item>
        <Form.Item name="isPublic" label={t('venues.isPublic')} valuePropName="checked" extra={t('registry.venues.publicHint')}>
          <Switch data-testid="venue-form-public" />
        </Form.Item>
        <Form.Item name="description" label={t('venues.description')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} showCount maxLength={2000} />
        </Form.Item>
      </Form>
    </RecordDrawer>
  );
}
