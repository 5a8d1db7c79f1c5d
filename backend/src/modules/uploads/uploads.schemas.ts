import { z } from 'zod';

export { IMAGE_TYPES, MAX_IMAGE_BYTES, type ImageType } from '@streamhouse/contract';

export const uploadIdParams = z.object({ id: z.uuid('is not an upload id') });

export const storedImage = z
  .strictObject({
    id: z.uuid(),
    url: z.string().meta({ description: 'Where the image is served: use it as an avatar or thumbnail URL.' }),
  })
  .meta({ id: 'StoredImage', description: 'The stored image' });
