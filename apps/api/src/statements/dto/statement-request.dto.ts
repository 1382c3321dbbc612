import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsOptional,
  IsString,
  Validate,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { type Language, LANGUAGES, type StatementRequest } from '@atm/contracts';
import { isRealCalendarDay } from '../statement-range';

@ValidatorConstraint({ name: 'isoCalendarDay' })
class IsoCalendarDay implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && isRealCalendarDay(value);
  }

  defaultMessage(): string {
    return 'must be a calendar day written YYYY-MM-DD';
  }
}

/** The period's shape only; its rules (order, length, not after today) need the clock. */
export class StatementRequestDto implements StatementRequest {
  @ApiProperty({ example: '2026-11-01', description: 'first day, YYYY-MM-DD, in ATM_TIMEZONE' })
  @IsString({ message: 'must be a string YYYY-MM-DD' })
  @Validate(IsoCalendarDay)
  from!: string;

  @ApiProperty({ example: '2026-11-23', description: 'last day, included; not after today' })
  @IsString({ message: 'must be a string YYYY-MM-DD' })
  @Validate(IsoCalendarDay)
  to!: string;

  @ApiPropertyOptional({
    enum: LANGUAGES,
    description: "the statement's language; the request's Accept-Language when left out",
  })
  @IsOptional()
  @IsIn(LANGUAGES, { message: `must be one of ${LANGUAGES.join(', ')}` })
  language?: Language;
}
