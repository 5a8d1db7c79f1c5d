import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// Unmount what each test rendered (Testing Library does this only with global test functions): a hook left mounted
// would stay subscribed to shared things, such as the browser's one event stream, into the next test.
afterEach(() => cleanup());
