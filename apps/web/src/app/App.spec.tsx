import { render, screen } from '@testing-library/react';
import { App } from './App';

describe('App', () => {
  it('says the ATM is starting', () => {
    render(<App />);
    expect(screen.getByRole('status')).toHaveTextContent('The ATM is starting');
  });
});
