import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { changeLanguage } from '../../../shared/i18n/i18n';
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
        returned={{ reason: 'locked', message: 'Your card is locked.', language: 'en' }}
      />,
      { signedIn: false },
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Your card is locked.');
  });

  describe('languages', () => {
    afterEach(() => act(() => changeLanguage('en')));

    it.each([
      ['Español', 'es', 'Número de tarjeta', 'Insertar tarjeta', ['Borrar', 'Cancelar', 'Aceptar']],
      ['Français', 'fr', 'Numéro de carte', 'Insérer la carte', ['Corriger', 'Annuler', 'Valider']],
    ])('%s switches every name and <html lang>', async (button, lang, field, insert, keys) => {
      const user = userEvent.setup();
      renderScreen(<CardScreen onInsert={jest.fn()} />, { signedIn: false });
      expect(document.documentElement.lang).toBe('en');
      expect(screen.getByRole('button', { name: 'English' })).toHaveAttribute(
        'aria-pressed',
        'true',
      );
      await user.click(screen.getByRole('button', { name: button }));
      expect(await screen.findByRole('textbox', { name: field })).toBeInTheDocument();
      expect(screen.getByRole('button', { name: insert })).toBeInTheDocument();
      for (const key of keys) expect(screen.getByRole('button', { name: key })).toBeInTheDocument();
      expect(screen.getByRole('button', { name: button })).toHaveAttribute('aria-pressed', 'true');
      expect(document.documentElement.lang).toBe(lang);
      expect(screen.queryByText('Card number')).not.toBeInTheDocument();
    });

    it("says why the card came back in the ended session's language", () => {
      renderScreen(
        <CardScreen onInsert={jest.fn()} returned={{ reason: 'exit', language: 'fr' }} />,
        {
          signedIn: false,
        },
      );
      // The French catalog is loaded by the previous test or on demand; getFixedT reads it.
      expect(screen.getByRole('status')).toHaveAttribute('lang', 'fr');
    });
  });
});
