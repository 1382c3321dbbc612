import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC_KEY = 'atm:isPublic';

/** Every route needs a signed-in session unless it carries this. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC_KEY, true);
