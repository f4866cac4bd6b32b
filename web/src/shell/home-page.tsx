import { Link } from './router';

export function HomePage() {
  return (
    <div className="home">
      <section className="hero">
        <h1>统一电子印章管理平台</h1>
        <p>电子印章申请、领取、授权、签章与验证，一站办理。</p>
        <div className="hero-actions">
          <Link to="/login" className="button primary large">
            立即登录
          </Link>
          <Link to="/verify" className="button large">
            免登录文档验证
          </Link>
        </div>
      </section>
      <section className="tiles">
        <Link to="/sign" className="tile">
          <h3>在线签章</h3>
          <p>上传 PDF，拖拽印章到签章位置，手机扫码输入签章密码完成签署。</p>
        </Link>
        <Link to="/business" className="tile">
          <h3>业务办理</h3>
          <p>窗口申请、授权、取消授权、变更、注销、冻结、解冻，下载申请表。</p>
        </Link>
        <Link to="/apps" className="tile">
          <h3>应用中心</h3>
          <p>申请系统接入、管理接入凭证、自定义印章申请。</p>
        </Link>
        <Link to="/verify" className="tile">
          <h3>免登录文档验证</h3>
          <p>上传已签章的 PDF，查看每个签章的有效性与签署后的改动。</p>
        </Link>
      </section>
    </div>
  );
}
