import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderScreen } from '../../../test/render';
import { CardScreen } from './CardScreen';

describe('CardScreen', () => {
  it('takes the card number from the keypad and inserts it', async () => {
    const onInsert = jest.fn();
    const user = userEvent.setup();
    renderScreen(<CardScreen onInsert={onInsert} />, { signedIn: false });
    for (const d of '4000000000000010') await user.click(screen.getByRole('button', { name: d }));
    expect(screen.getByRole('textbox', { name: 'Card number' })).toHaveValue('4000 0000 0000 0010');
    await user.click(screen.getByRole('button', { name: 'Insert card' }));
    expect(onInsert).toHaveBeenCalledWith('4000000000000010');
  });

  it('refuses a number that is not a card', async () => {
    const onInsert = jest.fn();
    const user = userEvent.setup();
    renderScreen(<CardScreen onInsert={onInsert} />, { signedIn: false });
    await user.type(screen.getByRole('textbox', { name: 'Card number' }), '4000000000000011');
    await user.click(screen.getByRole('button', { name: 'Insert card' }));
    expect(screen.getByRole('alert')).toHaveTextContent('cannot be read');
    expect(onInsert).not.toHaveBeenCalled();
  });

  it('shows why the card came back', () => {
    renderScreen(
      <CardScreen
        onInsert={jest.fn()}
        returned={{ reason: 'locked', message: 'Your card is locked.' }}
      />,
      { signedIn: false },
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Your card is locked.');
  });
});
