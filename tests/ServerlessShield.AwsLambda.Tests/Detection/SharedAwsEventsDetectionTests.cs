namespace ServerlessShield.AwsLambda.Tests.Detection;

// Runs detection over the team's shared corpus of real AWS sample events (shared/events/aws/<source>/*.json),
// which lives beside the repository, not in it. Skipped, visibly, where the corpus is absent.
public sealed class SharedAwsEventsDetectionTests
{
    // Folder name -> the sources an event in it may be detected as.
    private static readonly Dictionary<string, LambdaEventSource[]> ExpectedByFolder = new(StringComparer.Ordinal)
    {
        ["alb"] = [LambdaEventSource.Alb],
        ["apigw-authorizer"] = [LambdaEventSource.ApiGatewayAuthorizer],
        ["apigw-http-v2"] = [LambdaEventSource.ApiGatewayHttp],
        ["apigw-rest"] = [LambdaEventSource.ApiGatewayRest],
        ["apigw-websocket"] = [LambdaEventSource.ApiGatewayWebSocket],
        ["appsync"] = [LambdaEventSource.AppSyncAuthorizer, LambdaEventSource.AppSyncResolver],
        ["cloudformation-custom-resource"] = [LambdaEventSource.CloudFormationCustomResource],
        ["cloudfront-edge"] = [LambdaEventSource.CloudFrontEdge],
        ["cloudwatch-logs"] = [LambdaEventSource.CloudWatchLogs],
        ["cognito"] = [LambdaEventSource.CognitoUserPool],
        ["cognito-sync"] = [LambdaEventSource.CognitoSync],
        ["config"] = [LambdaEventSource.ConfigRule],
        ["connect"] = [LambdaEventSource.Connect],
        ["dynamodb-streams"] = [LambdaEventSource.DynamoDbStreams],
        ["eventbridge"] = [LambdaEventSource.EventBridge, LambdaEventSource.ScheduledEvent],
        ["firehose"] = [LambdaEventSource.Firehose],
        ["function-url"] = [LambdaEventSource.FunctionUrl],
        ["kafka"] = [LambdaEventSource.Kafka],
        ["kinesis"] = [LambdaEventSource.Kinesis],
        ["mq"] = [LambdaEventSource.AmazonMq],
        ["s3"] = [LambdaEventSource.S3],
        ["s3-batch"] = [LambdaEventSource.S3Batch],
        ["s3-object-lambda"] = [LambdaEventSource.S3ObjectLambda],
        ["secrets-manager-rotation"] = [LambdaEventSource.SecretsManagerRotation],
        ["ses"] = [LambdaEventSource.Ses],
        ["sns"] = [LambdaEventSource.Sns],
        ["sqs"] = [LambdaEventSource.Sqs],
        ["stepfunctions"] = [LambdaEventSource.StepFunctions],
        ["vpc-lattice"] = [LambdaEventSource.VpcLattice],
    };

    [SkippableFact]
    public void Detect_EverySharedAwsEvent_IsTheSourceItsFolderNames()
    {
        var folder = FindSharedAwsEvents();
        Skip.If(folder is null, "shared/events/aws not found beside the repository (../shared from the folder holding ServerlessShield.sln); set SERVERLESSSHIELD_SHARED_DIR to point at a shared/ folder.");

        var files = Directory.GetFiles(folder, "*.json", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        var mismatches = new List<string>();
        foreach (var file in files)
        {
            var source = Path.GetFileName(Path.GetDirectoryName(file)!);
            var detected = LambdaEventSources.Detect(File.ReadAllBytes(file));
            if (!ExpectedByFolder.TryGetValue(source, out var expected) || !expected.Contains(detected))
            {
                mismatches.Add($"{Path.GetRelativePath(folder, file)} detected as {detected}");
            }
        }

        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {files.Length} shared events misdetected:\n{string.Join('\n', mismatches)}");
    }

    private static string? FindSharedAwsEvents()
    {
        if (Environment.GetEnvironmentVariable("SERVERLESSSHIELD_SHARED_DIR") is { Length: > 0 } configured)
        {
            var events = Path.Combine(configured, "events", "aws");
            return Directory.Exists(events) ? events : null;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ServerlessShield.sln")))
            {
                var events = Path.Combine(directory.FullName, "..", "shared", "events", "aws");
                return Directory.Exists(events) ? Path.GetFullPath(events) : null;
            }
        }

        return null;
    }
}
