using System.Text.Json;

namespace ServerlessShield.AwsLambda;

// Compares who the event says it comes from with the allowlists: the account (API Gateway REST and HTTP and Function
// URL requestContext.accountId, EventBridge account), the API (API Gateway requestContext.apiId) and the EventBridge
// source. Only events that carry the field are checked; in those, a missing field is as untrusted as a wrong one.
internal static class OriginCheck
{
    public static void Run(LambdaEvent lambdaEvent, ShieldContext context, LambdaProvenance provenance)
    {
        var root = lambdaEvent.Root;
        switch (lambdaEvent.Source)
        {
            case LambdaEventSource.ApiGatewayRest or LambdaEventSource.ApiGatewayHttp:
                root.TryGet("requestContext", JsonValueKind.Object, out var api);
                Check(context, provenance.Accounts, api.GetStringOrNull("accountId"), "requestContext.accountId");
                Check(context, provenance.ApiIds, api.GetStringOrNull("apiId"), "requestContext.apiId");
                break;
            case LambdaEventSource.ApiGatewayWebSocket:
                // WebSocket request contexts name the API but not its account.
                root.TryGet("requestContext", JsonValueKind.Object, out var socket);
                Check(context, provenance.ApiIds, socket.GetStringOrNull("apiId"), "requestContext.apiId");
                break;
            case LambdaEventSource.FunctionUrl:
                root.TryGet("requestContext", JsonValueKind.Object, out var url);
                Check(context, provenance.Accounts, url.GetStringOrNull("accountId"), "requestContext.accountId");
                break;
            case LambdaEventSource.EventBridge or LambdaEventSource.ScheduledEvent:
                Check(context, provenance.Accounts, root.GetStringOrNull("account"), "account");
                Check(context, provenance.EventBridgeSources, root.GetStringOrNull("source"), "source");
                break;
        }
    }

    private static void Check(ShieldContext context, HashSet<string> allowed, string? value, string path)
    {
        if (allowed.Count > 0 && (value is null || !allowed.Contains(value)))
        {
            context.Report(LambdaRules.UntrustedOrigin, path);
        }
    }
}
