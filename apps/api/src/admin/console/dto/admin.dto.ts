import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { ACCOUNT_NUMBER_PATTERN, type AccountType } from '@atm/contracts';
import { IsFreeText } from '../../../common';
import { ALLOWED_DENOMINATIONS_CENTS } from '../../../transactions';

const LIMIT = /^(100|[1-9][0-9]?)$/;

/** A page size in a query string: 1 to 100, 20 when absent. */
function PageLimit(): PropertyDecorator {
  return applyDecorators(
    Matches(LIMIT, { message: 'must be an integer from 1 to 100' }),
    IsString(),
    IsOptional(),
    ApiPropertyOptional({ description: '1 to 100 (default 20)', example: '20' }),
  );
}

/** A page cursor in a query string: the nextCursor of the previous page, of this shape. */
function PageCursor(shape: RegExp): PropertyDecorator {
  return applyDecorators(
    Matches(shape, { message: 'is not a cursor this API gave out' }),
    IsString(),
    IsOptional(),
    ApiPropertyOptional({ description: 'nextCursor of the previous page' }),
  );
}

/** Text a person typed, required: not empty, at most `maxLength` characters. */
function RequiredFreeText(maxLength: number, example: string): PropertyDecorator {
  return applyDecorators(
    IsFreeText(),
    MaxLength(maxLength, { message: `must be at most ${maxLength} characters` }),
    MinLength(1, { message: 'must not be empty' }),
    IsString(),
    ApiProperty({ example }),
  );
}

/** Text a person typed, optional: at most `maxLength` characters. */
function OptionalFreeText(maxLength: number, doc: ApiPropertyOptions): PropertyDecorator {
  return applyDecorators(
    IsFreeText(),
    MaxLength(maxLength, { message: `must be at most ${maxLength} characters` }),
    IsString(),
    IsOptional(),
    ApiPropertyOptional(doc),
  );
}

export class AdminLoginDto {
  @ApiProperty({ example: 'admin' })
  @IsString()
  @MinLength(1)
  @MaxLength(64, { message: 'must be at most 64 characters' })
  @IsFreeText()
  username!: string;

  @ApiProperty({ example: 'demo-admin-password' })
  @IsString()
  @MinLength(1)
  @MaxLength(1024, { message: 'must be at most 1024 characters' })
  password!: string;

  @ApiPropertyOptional({ example: '123456', description: 'the current one-time code' })
  @IsOptional()
  @IsString()
  @MaxLength(16, { message: 'must be at most 16 characters' })
  totp?: string;
}

export class CustomerSearchQueryDto {
  @OptionalFreeText(200, {
    description: 'part of a name, e-mail, account number or card last four',
  })
  query?: string;

  @PageLimit()
  limit?: string;

  @PageCursor(/^[A-Za-z0-9_-]{1,600}$/)
  cursor?: string;
}

export class AuditQueryDto {
  @ApiPropertyOptional({ example: 'ACCOUNT_FROZEN' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z_]{1,64}$/, { message: 'must be an audit event type such as ACCOUNT_FROZEN' })
  type?: string;

  @OptionalFreeText(200, { example: 'admin' })
  actor?: string;

  @ApiPropertyOptional({ example: '2026-11-30T00:00:00Z', description: 'an ISO 8601 instant' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/, {
    message: 'must be an ISO 8601 instant with a time zone',
  })
  since?: string;

  @PageLimit()
  limit?: string;

  @PageCursor(/^[1-9][0-9]{0,17}$/)
  cursor?: string;
}

export class CreateCustomerDto {
  @RequiredFreeText(200, 'Dana Lee')
  name!: string;

  @OptionalFreeText(254, { example: 'dana@example.com' })
  email?: string;
}

export class OpenAccountDto {
  @ApiProperty({ enum: ['CHECKING', 'SAVINGS'] })
  @IsIn(['CHECKING', 'SAVINGS'], { message: 'must be CHECKING or SAVINGS' })
  type!: AccountType;
}

export class CashLoadDto {
  @ApiProperty({ example: 2000, enum: [...ALLOWED_DENOMINATIONS_CENTS] })
  @IsInt({ message: 'must be an integer number of cents' })
  @IsIn([...ALLOWED_DENOMINATIONS_CENTS], {
    message: `must be one of ${[...ALLOWED_DENOMINATIONS_CENTS].join(', ')}`,
  })
  denominationCents!: number;

  @ApiProperty({ example: 100 })
  @IsInt({ message: 'must be a whole number of notes' })
  @Min(1, { message: 'must be at least 1' })
  @Max(100_000, { message: 'must be at most 100000' })
  count!: number;
}

export class MaintenanceDto {
  @ApiProperty()
  @IsBoolean({ message: 'must be true or false' })
  enabled!: boolean;
}

export class ReverseDto {
  @RequiredFreeText(500, 'Customer disputed: notes not dispensed')
  reason!: string;
}

export class OverdraftLinkDto {
  @ApiProperty({
    example: '100000010002',
    nullable: true,
    type: String,
    description: 'a savings account of the same customer; null unlinks',
  })
  @ValidateIf((body: { fromAccountNumber?: unknown }) => body.fromAccountNumber !== null)
  @IsString({ message: 'must be a 12-digit account number or null' })
  @Matches(ACCOUNT_NUMBER_PATTERN, { message: 'must be a 12-digit account number or null' })
  fromAccountNumber!: string | null;
}
