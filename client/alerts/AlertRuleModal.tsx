import { Modal } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { AlertRule } from '../../shared/alert-rule.js';
import { AlertRuleForm } from './AlertRuleForm.js';

/** `null`: closed; `'new'`: a new rule; a rule: edit it. */
export type RuleEditTarget = AlertRule | 'new' | null;

export function AlertRuleModal({ target, onSaved, onClose }: { target: RuleEditTarget; onSaved: (r: AlertRule) => void; onClose: () => void }) {
  const small = useMediaQuery('(max-width: 48em)');
  const rule = target === 'new' || target === null ? undefined : target;
  return (
    <Modal opened={target !== null} onClose={onClose} title={rule ? `Edit rule “${rule.name}”` : 'New alert rule'} size="lg" fullScreen={small ?? false} closeOnClickOutside={false}>
      {target !== null && <AlertRuleForm key={rule?.id ?? 'new'} rule={rule} onSaved={onSaved} onCancel={onClose} />}
    </Modal>
  );
}
