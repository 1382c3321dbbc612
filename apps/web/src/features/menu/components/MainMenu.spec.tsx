import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderScreen } from '../../../test/render';
import { MainMenu } from './MainMenu';

describe('MainMenu', () => {
  it('offers every transaction by its name', async () => {
    const onChoose = jest.fn();
    const onExit = jest.fn();
    const user = userEvent.setup();
    renderScreen(<MainMenu customerName="Alice Johnson" onChoose={onChoose} onExit={onExit} />);
    expect(screen.getByText('Hello, Alice.')).toBeInTheDocument();
    for (const name of [
      'Balance',
      'Withdraw',
      'Deposit',
      'Transfer',
      'Statements',
      'Change PIN',
      'Exit',
    ]) {
      expect(screen.getAllByRole('button', { name })).toHaveLength(1);
    }
    await user.click(screen.getByRole('button', { name: 'Change PIN' }));
    expect(onChoose).toHaveBeenCalledWith('change-pin');
    await user.click(screen.getByRole('button', { name: 'Exit' }));
    expect(onExit).toHaveBeenCalled();
  });
});
