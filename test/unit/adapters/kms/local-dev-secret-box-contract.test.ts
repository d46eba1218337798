import { LocalDevSecretBox } from '../../../../functions/adapters/kms/local-dev-secret-box';
import { describeSecretBoxContract } from '../../../support/port-contracts/secret-box-contract';

/* The local stand-in for KMS against the contract KmsSecretBox meets on the KMS wire stand-in (test/integration/adapters). */

describeSecretBoxContract('LocalDev', (key) => new LocalDevSecretBox(new Uint8Array(32).fill(key === 'first' ? 1 : 2)));
