import { mount } from '../shared/mount';
import { AdminRoot } from './app/AdminRoot';
import './admin.css';

mount('admin-root', <AdminRoot />);
