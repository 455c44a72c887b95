using System.Text.Json;

namespace ServerlessShield.AwsLambda;

// The precedence table of docs/design aws-lambda.md §4, in order; the first rule that matches wins.
// Order matters: authorizer requests look like HTTP events and Function URL events look like HTTP API v2 events.
internal static class LambdaEventSourceDetector
{
    public static LambdaEventSource Detect(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            // AppSync batch resolvers are the only known source that sends a JSON array.
            return IsAppSyncDirectResolver(root.FirstItem()) ? LambdaEventSource.AppSyncResolver : LambdaEventSource.Unknown;
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return LambdaEventSource.Unknown;
        }

        var source = FromRecords(root);
        if (source == LambdaEventSource.Unknown)
        {
            source = FromEnvelopeEventSource(root);
        }

        if (source == LambdaEventSource.Unknown)
        {
            source = FromStreamsAndAuthorizers(root);
        }

        if (source == LambdaEventSource.Unknown)
        {
            source = FromRequestContext(root);
        }

        if (source == LambdaEventSource.Unknown)
        {
            source = FromCallbacks(root);
        }

        return source == LambdaEventSource.Unknown ? FromPlatformRequests(root) : source;
    }

    // Rule 1: the classic Records[] family; SNS alone spells the discriminator EventSource.
    private static LambdaEventSource FromRecords(JsonElement root)
    {
        if (!root.TryGet("Records", JsonValueKind.Array, out var records))
        {
            return LambdaEventSource.Unknown;
        }

        var first = records.FirstItem();
        if (first.TryGet("eventSource", JsonValueKind.String, out var eventSource))
        {
            if (eventSource.ValueEquals("aws:sqs"))
            {
                return LambdaEventSource.Sqs;
            }

            if (eventSource.ValueEquals("aws:s3"))
            {
                return LambdaEventSource.S3;
            }

            if (eventSource.ValueEquals("aws:dynamodb"))
            {
                return LambdaEventSource.DynamoDbStreams;
            }

            if (eventSource.ValueEquals("aws:kinesis"))
            {
                return LambdaEventSource.Kinesis;
            }

            if (eventSource.ValueEquals("aws:ses"))
            {
                return LambdaEventSource.Ses;
            }
        }

        if (first.IsString("EventSource", "aws:sns"))
        {
            return LambdaEventSource.Sns;
        }

        return first.HasObject("cf") ? LambdaEventSource.CloudFrontEdge : LambdaEventSource.Unknown;
    }

    // Rule 2: root-level eventSource (Kafka keeps records in an object keyed topic-partition; MQ uses messages[]).
    private static LambdaEventSource FromEnvelopeEventSource(JsonElement root)
    {
        if (!root.TryGet("eventSource", JsonValueKind.String, out var eventSource))
        {
            return LambdaEventSource.Unknown;
        }

        if (eventSource.ValueEquals("aws:kafka") || eventSource.ValueEquals("aws:SelfManagedKafka") || eventSource.ValueEquals("SelfManagedKafka"))
        {
            return LambdaEventSource.Kafka;
        }

        return eventSource.ValueEquals("aws:mq") || eventSource.ValueEquals("aws:amq") || eventSource.ValueEquals("aws:rmq")
            ? LambdaEventSource.AmazonMq
            : LambdaEventSource.Unknown;
    }

    // Rules 3 to 5: CloudWatch Logs, Firehose (deliveryStreamArn not required: SAM misspells it), API Gateway authorizers.
    private static LambdaEventSource FromStreamsAndAuthorizers(JsonElement root)
    {
        if (root.TryGet("awslogs", JsonValueKind.Object, out var awslogs) && awslogs.HasString("data"))
        {
            return LambdaEventSource.CloudWatchLogs;
        }

        if (root.HasString("invocationId")
            && root.TryGet("records", JsonValueKind.Array, out var records)
            && records.FirstItem().Has("recordId"))
        {
            return LambdaEventSource.Firehose;
        }

        if (root.IsString("type", "TOKEN") && root.HasString("methodArn"))
        {
            return LambdaEventSource.ApiGatewayAuthorizer;
        }

        if (root.IsString("type", "REQUEST")
            && (root.HasString("methodArn") || (root.HasString("routeArn") && root.IsString("version", "2.0"))))
        {
            return LambdaEventSource.ApiGatewayAuthorizer;
        }

        return LambdaEventSource.Unknown;
    }

    // Rules 6 and 7: everything carrying a requestContext object.
    private static LambdaEventSource FromRequestContext(JsonElement root)
    {
        if (!root.TryGet("requestContext", JsonValueKind.Object, out var context))
        {
            return LambdaEventSource.Unknown;
        }

        if (context.HasObject("elb"))
        {
            return LambdaEventSource.Alb;
        }

        if ((context.HasString("serviceNetworkArn") || context.HasString("serviceArn")) && !root.Has("routeKey"))
        {
            return LambdaEventSource.VpcLattice;
        }

        if (root.IsString("version", "2.0") && root.HasString("routeKey") && context.HasObject("http"))
        {
            var domain = context.GetStringOrNull("domainName");
            return domain is not null && domain.Contains(".lambda-url.", StringComparison.OrdinalIgnoreCase)
                ? LambdaEventSource.FunctionUrl
                : LambdaEventSource.ApiGatewayHttp;
        }

        if (context.HasString("connectionId") && context.HasString("eventType"))
        {
            return LambdaEventSource.ApiGatewayWebSocket;
        }

        if (root.HasString("httpMethod") && root.Has("resource"))
        {
            return LambdaEventSource.ApiGatewayRest;
        }

        return root.HasString("authorizationToken") && context.Has("apiId")
            ? LambdaEventSource.AppSyncAuthorizer
            : LambdaEventSource.Unknown;
    }

    // Rules 8 to 11: EventBridge, VPC Lattice v1, AppSync resolvers, Cognito, Step Functions.
    private static LambdaEventSource FromCallbacks(JsonElement root)
    {
        if (root.TryGet("detail-type", JsonValueKind.String, out var detailType) && root.HasString("source") && root.Has("detail"))
        {
            return detailType.ValueEquals("Scheduled Event") && root.IsString("source", "aws.events")
                ? LambdaEventSource.ScheduledEvent
                : LambdaEventSource.EventBridge;
        }

        if (root.HasString("raw_path") && root.HasString("method") && root.Has("is_base64_encoded"))
        {
            return LambdaEventSource.VpcLattice;
        }

        if (root.HasString("fieldName") && root.Has("arguments") && (root.HasString("typeName") || root.HasString("parentTypeName")))
        {
            return LambdaEventSource.AppSyncResolver;
        }

        if (root.HasString("triggerSource") && root.HasString("userPoolId"))
        {
            return LambdaEventSource.CognitoUserPool;
        }

        if (root.IsString("eventType", "SyncTrigger") && root.Has("identityPoolId") && root.Has("datasetName"))
        {
            return LambdaEventSource.CognitoSync;
        }

        if (IsAppSyncDirectResolver(root))
        {
            return LambdaEventSource.AppSyncResolver;
        }

        return IsStepFunctionsInput(root) ? LambdaEventSource.StepFunctions : LambdaEventSource.Unknown;
    }

    // Rule 12: platform callbacks with fixed envelopes.
    private static LambdaEventSource FromPlatformRequests(JsonElement root)
    {
        if (root.TryGet("RequestType", JsonValueKind.String, out var requestType)
            && (requestType.ValueEquals("Create") || requestType.ValueEquals("Update") || requestType.ValueEquals("Delete"))
            && root.HasString("ResponseURL") && root.HasString("StackId"))
        {
            return LambdaEventSource.CloudFormationCustomResource;
        }

        if (root.Has("invocationSchemaVersion") && root.Has("job") && root.Has("tasks"))
        {
            return LambdaEventSource.S3Batch;
        }

        if ((root.HasObject("getObjectContext") || root.HasObject("headObjectContext") || root.HasObject("listObjectsContext") || root.HasObject("listObjectsV2Context"))
            && root.Has("userRequest") && root.Has("configuration"))
        {
            return LambdaEventSource.S3ObjectLambda;
        }

        if (root.TryGet("Step", JsonValueKind.String, out var step)
            && (step.ValueEquals("createSecret") || step.ValueEquals("setSecret") || step.ValueEquals("testSecret") || step.ValueEquals("finishSecret"))
            && root.HasString("SecretId") && root.HasString("ClientRequestToken"))
        {
            return LambdaEventSource.SecretsManagerRotation;
        }

        if (root.HasString("configRuleArn") && root.Has("invokingEvent") && root.Has("resultToken"))
        {
            return LambdaEventSource.ConfigRule;
        }

        return root.IsString("Name", "ContactFlowEvent") && root.HasObject("Details")
            ? LambdaEventSource.Connect
            : LambdaEventSource.Unknown;
    }

    private static bool IsAppSyncDirectResolver(JsonElement element) =>
        element.TryGet("info", JsonValueKind.Object, out var info) && info.HasString("fieldName") && info.HasString("parentTypeName");

    // Step Functions has no envelope: only the context object ($$), at the root, under Payload or under one
    // vendor key, gives it away; a Catch hands on exactly { Error, Cause }.
    private static bool IsStepFunctionsInput(JsonElement root)
    {
        if (IsStepFunctionsContext(root))
        {
            return true;
        }

        var count = 0;
        foreach (var property in root.EnumerateObject())
        {
            count++;
            if (property.Value.ValueKind == JsonValueKind.Object && IsStepFunctionsContext(property.Value))
            {
                return true;
            }
        }

        return count == 2 && root.HasString("Error") && root.HasString("Cause");
    }

    private static bool IsStepFunctionsContext(JsonElement element) =>
        element.HasObject("Execution") && element.HasObject("StateMachine") && element.HasObject("State");
}
