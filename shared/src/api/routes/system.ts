import { route } from '../route';

export const systemRoutes = [route('GET', '/v1/health', 'health', 'public', '各后端服务的健康状况')];
