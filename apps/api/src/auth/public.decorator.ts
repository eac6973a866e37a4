import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'switchboard:public';

/** Marks a route that needs no credentials (health, the bench baseline). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
