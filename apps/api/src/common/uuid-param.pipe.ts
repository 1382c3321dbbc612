import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { validationFailed } from './domain-error';
import { UUID_PATTERN } from './uuid';

/** A path id that is not a UUID is a malformed request (400), not an unknown resource. */
@Injectable()
export class UuidParamPipe implements PipeTransform<unknown, string> {
  transform(value: unknown, metadata: ArgumentMetadata): string {
    if (typeof value !== 'string' || !UUID_PATTERN.test(value)) {
      throw validationFailed([{ field: metadata.data ?? 'id', message: 'must be a UUID' }]);
    }
    return value.toLowerCase();
  }
}
