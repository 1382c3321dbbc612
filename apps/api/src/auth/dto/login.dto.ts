import { ApiProperty } from '@nestjs/swagger';
import {
  IsString,
  Matches,
  Validate,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { CARD_NUMBER_PATTERN, PIN_PATTERN, passesLuhn } from '@atm/contracts';

@ValidatorConstraint({ name: 'luhn' })
export class LuhnConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && CARD_NUMBER_PATTERN.test(value) && passesLuhn(value);
  }

  defaultMessage(): string {
    return 'must be 16 digits that pass the Luhn check';
  }
}

export class LoginDto {
  @ApiProperty({ example: '4000000000000010', description: '16 ASCII digits passing Luhn' })
  @IsString()
  @Validate(LuhnConstraint)
  cardNumber!: string;

  @ApiProperty({ example: '1234', description: '4 to 6 ASCII digits' })
  @IsString()
  @Matches(PIN_PATTERN, { message: 'must be 4 to 6 digits' })
  pin!: string;
}

export class ChangePinDto {
  @ApiProperty({ example: '1234' })
  @IsString()
  @Matches(PIN_PATTERN, { message: 'must be 4 to 6 digits' })
  currentPin!: string;

  @ApiProperty({ example: '4821' })
  @IsString()
  @Matches(PIN_PATTERN, { message: 'must be 4 to 6 digits' })
  newPin!: string;
}
