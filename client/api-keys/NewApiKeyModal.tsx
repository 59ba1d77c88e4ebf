import { Modal } from '@mantine/core';
import { useState } from 'react';
import type { CreateApiKeyResponse } from '../../shared/api.js';
import { NewApiKeyForm } from './NewApiKeyForm.js';
import { NewKeySecret } from './NewKeySecret.js';

/** Names a new key, then shows its secret once. The list reloads as soon as the key exists. */
export function NewApiKeyModal({ opened, onCreated, onClose }: { opened: boolean; onCreated: () => void; onClose: () => void }) {
  const [created, setCreated] = useState<CreateApiKeyResponse | null>(null);
  const close = () => {
    // Forget the secret with the modal: it must not come back when the modal opens again.
    setCreated(null);
    onClose();
  };
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={created ? 'Your new API key' : 'New API key'}
      size={created ? 'xl' : 'md'}
      // Showing the secret: a stray click outside must not throw it away.
      closeOnClickOutside={!created}
    >
      {created ? (
        <NewKeySecret created={created} onDone={close} />
      ) : (
        <NewApiKeyForm
          onCancel={close}
          onCreated={(k) => {
            setCreated(k);
            onCreated();
          }}
        />
      )}
    </Modal>
  );
}
