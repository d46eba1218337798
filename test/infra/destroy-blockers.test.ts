import { FIXTURE_HANDLER, type SynthesizedPortal, synthPortal } from './synth-portal';

it('nag', () => {
  const portal: SynthesizedPortal = synthPortal({ handlerEntryOverride: FIXTURE_HANDLER });
  console.log(portal.nagErrors, portal.nagWarnings);
  const t = portal.portalTemplate.toJSON();
  for (const [id, r] of Object.entries(t.Resources as Record<string, {Type:string; DeletionPolicy?: string}>)) if (r.DeletionPolicy) console.log(id, r.Type, r.DeletionPolicy);
}, 200_000);
