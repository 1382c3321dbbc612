import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  Validate,
  ValidateIf,
  type ValidationArguments,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { CHECK_NUMBER_PATTERN, type DepositKind, MEMO_MAX_LENGTH } from '@atm/contracts';
import { IsFreeText } from '../../common';

/** An amount is a JSON integer number of cents from 1 to 2^53-1: never a string or a float. */
function AmountCents(): PropertyDecorator {
  return (target, key) => {
    IsInt({ message: 'must be an integer number of cents' })(target, key);
    Min(1, { message: 'must be at least 1 cent' })(target, key);
    Max(Number.MAX_SAFE_INTEGER, { message: 'must be at most 9007199254740991' })(target, key);
  };
}

@ValidatorConstraint({ name: 'onlyWithCheckDeposits' })
class OnlyWithCheckDeposits implements ValidatorConstraintInterface {
  validate(_value: unknown, args: ValidationArguments): boolean {
    return (args.object as { kind?: unknown }).kind === 'CHECK';
  }

  defaultMessage(): string {
    return 'is allowed only with kind CHECK';
  }
}

export class WithdrawalDto {
  @ApiProperty({ example: 6000, description: 'cents; a multiple of WITHDRAWAL_MULTIPLE_CENTS' })
  @AmountCents()
  amountCents!: number;
}

export class DepositDto {
  @ApiProperty({ example: 25000, description: 'cents; at most MAX_DEPOSIT_CENTS' })
  @AmountCents()
  amountCents!: number;

  @ApiProperty({ enum: ['CASH', 'CHECK'] })
  @IsIn(['CASH', 'CHECK'], { message: 'must be CASH or CHECK' })
  kind!: DepositKind;

  @ApiPropertyOptional({ example: '1042', description: '1 to 10 digits; only with CHECK' })
  @ValidateIf((dto: DepositDto) => dto.checkNumber !== undefined)
  @IsString()
  @Matches(CHECK_NUMBER_PATTERN, { message: 'must be 1 to 10 digits' })
  @Validate(OnlyWithCheckDeposits)
  checkNumber?: string;
}

export class TransferDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a UUID' })
  fromAccountId!: string;

  @ApiProperty({ example: '100000010002', description: '12 digits' })
  @IsString()
  @Matches(/^[0-9]{12}$/, { message: 'must be a 12-digit account number' })
  toAccountNumber!: string;

  @ApiProperty({ example: 5000 })
  @AmountCents()
  amountCents!: number;

  @ApiPropertyOptional({ maxLength: MEMO_MAX_LENGTH })
  @IsOptional()
  @IsString()
  @MaxLength(MEMO_MAX_LENGTH, { message: `must be at most ${MEMO_MAX_LENGTH} characters` })
  @IsFreeText()
  memo?: string;
}
