import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * DynamoDB Local as the local stack runs it (decision 0071). The jar has no option for the address
 * it listens on (its Jetty server binds every interface) and answers any credentials; this launcher
 * takes DynamoDB Local's own command line, then, before it starts:
 *  - binds its connector to the address in -Dseal.host (127.0.0.1 by default);
 *  - answers 400 UnrecognizedClientException, as DynamoDB does, to a request whose SigV4 credential
 *    names another access key id than -Dseal.accessKeyId (the signature itself is not checked);
 *  - answers 403 to any request carrying an Origin header: only programs, never a web page, talk to it.
 */
public final class LoopbackDynamoDbLocal {
  private static final Pattern CREDENTIAL = Pattern.compile("^AWS4-HMAC-SHA256 Credential=([A-Za-z0-9]+)/");
  private static final byte[] UNRECOGNIZED_CLIENT = json("com.amazon.coral.service#UnrecognizedClientException", "The security token included in the request is invalid.");
  private static final byte[] BROWSER_REFUSED = json("com.amazon.coral.service#AccessDeniedException", "DynamoDB Local (seal platform) refuses requests from web pages.");

  private static byte[] json(String type, String message) {
    return ("{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8);
  }

  private static final class CredentialCheck extends Handler.Wrapper {
    private final String accessKeyId;

    CredentialCheck(Handler next, String accessKeyId) {
      super(next);
      this.accessKeyId = accessKeyId;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      if (request.getHeaders().get("Origin") != null) return refuse(response, callback, 403, BROWSER_REFUSED);
      String authorization = request.getHeaders().get("Authorization");
      Matcher credential = CREDENTIAL.matcher(authorization == null ? "" : authorization);
      if (!credential.find() || !credential.group(1).equals(accessKeyId)) return refuse(response, callback, 400, UNRECOGNIZED_CLIENT);
      return super.handle(request, response, callback);
    }

    private static boolean refuse(Response response, Callback callback, int status, byte[] body) {
      response.setStatus(status);
      response.getHeaders().put("Content-Type", "application/x-amz-json-1.0");
      response.write(true, ByteBuffer.wrap(body), callback);
      return true;
    }
  }

  public static void main(String[] args) throws Exception {
    String host = System.getProperty("seal.host", "127.0.0.1");
    String accessKeyId = System.getProperty("seal.accessKeyId", "local");
    DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(args);
    if (proxy == null) return; // -help or -version
    // DynamoDBProxyServer keeps its Jetty server private and offers no host: set it before start.
    Field field = DynamoDBProxyServer.class.getDeclaredField("server");
    field.setAccessible(true);
    Server server = (Server) field.get(proxy);
    for (Connector connector : server.getConnectors()) ((ServerConnector) connector).setHost(host);
    server.setHandler(new CredentialCheck(server.getHandler(), accessKeyId));
    proxy.start();
  }
}
