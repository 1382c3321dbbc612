import { App } from './app/App';
import { mount } from './shared/mount';
import './styles/global.css';

mount('root', <App />);
