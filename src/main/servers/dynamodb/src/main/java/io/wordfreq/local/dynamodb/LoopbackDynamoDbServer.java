package io.wordfreq.local.dynamodb;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.lang.reflect.Field;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * DynamoDB Local on loopback only. Its {@code ServerRunner} has no bind-address option and listens on
 * all interfaces; this main builds the server from the same command line, sets its Jetty connectors'
 * host to 127.0.0.1 before they open, and starts it. Fails instead of listening more widely if the
 * server's internals are not what this was written against (DynamoDB Local 2.6.1, Jetty 12).
 */
public final class LoopbackDynamoDbServer {
  private LoopbackDynamoDbServer() {
  }

  public static void main(String[] args) throws Exception {
    DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(args);
    Field field = DynamoDBProxyServer.class.getDeclaredField("server");
    field.setAccessible(true);
    Server server = (Server) field.get(proxy);
    Connector[] connectors = server.getConnectors();
    if (connectors.length == 0) {
      throw new IllegalStateException("DynamoDB Local has no connector to bind to loopback");
    }
    for (Connector connector : connectors) {
      if (!(connector instanceof ServerConnector serverConnector)) {
        throw new IllegalStateException("cannot bind " + connector + " to loopback");
      }
      serverConnector.setHost("127.0.0.1");
    }
    proxy.start();
    System.out.println("DynamoDB Local listening on 127.0.0.1 only");
  }
}
