using ServerlessShield.Tests.Inspection.Corpus;

namespace ServerlessShield.Tests.Inspection;

// What systems put in queue messages, stream records and error reports, written for this project: log lines, stack
// traces, namespaced XML, e-mail headers, CSV, YAML, SQL in query logs, code, cloud resource names, IAM policies,
// schedules, connection strings, trace headers, signed URL queries, hashes and text in other scripts. None of it may be flagged. (Whole statements, scripts and templates are left out: they are the shapes
// the detectors exist for.)
public class MachineTextValuesTests
{
    private static readonly string[] Values =
    [
        "2026-11-29T10:14:03.123Z ERROR [OrderService] Payment failed for order 42: card_declined (request_id=4f2c9a1e)",
        "203.0.113.7 - - [29/Nov/2026:10:14:03 +0000] \"GET /api/orders?page=2 HTTP/1.1\" 200 5120 \"https://app.example.com/\" \"Mozilla/5.0 (X11; Linux x86_64)\"",
        "   at OrderService.Api.Controllers.OrdersController.Get(Int32 id) in /src/OrderService.Api/Controllers/OrdersController.cs:line 42",
        "Exception in thread \"main\" java.lang.NullPointerException: Cannot invoke \"String.length()\" because \"name\" is null\n\tat com.example.App.main(App.java:12)",
        "Traceback (most recent call last):\n  File \"/var/task/app.py\", line 14, in handler\n    total = order[\"total\"]\nKeyError: 'total'",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><order id=\"42\"><customer>Anna</customer><total currency=\"EUR\">19.99</total></order>",
        "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><GetPrice><Item>Apple</Item></GetPrice></soap:Body></soap:Envelope>",
        "v=1; a=rsa-sha256; c=relaxed/relaxed; d=example.com; s=selector1; h=from:to:subject:date; bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=; b=dzdVyOfAKCdLXdJOc9G2q8LoXSlEniSbav+yuU4zGeeruD00lszZVoG4ZHRNiYzR",
        "from mail-oi1-f170.example.com (mail-oi1-f170.example.com [198.51.100.170]) by inbound-smtp.eu-west-1.amazonaws.com with SMTP id abc123 for orders@example.com; Sun, 29 Nov 2026 10:14:03 +0000 (UTC)",
        "Subject: Re: [JIRA] (PROJ-42) Login page returns 500 when password contains '&'",
        "id,name,email,created_at\n1,Anna,anna@example.com,2026-11-29\n2,\"O'Brien, Sean\",sean@example.com,2026-11-28",
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-config\ndata:\n  LOG_LEVEL: \"info\"",
        "{\"level\":\"info\",\"ts\":1795946400.123,\"caller\":\"server/main.go:42\",\"msg\":\"listening\",\"addr\":\":8080\"}",
        "Nov 29 10:14:03 ip-10-0-1-23 systemd[1]: Started Session 42 of user ubuntu.",
        "kernel: [12345.678901] EXT4-fs (nvme0n1p1): mounted filesystem with ordered data mode",
        "SELECT id, name FROM products WHERE category_id = $1 AND price < $2 ORDER BY price LIMIT 20",
        "Query took 12ms: SELECT * FROM \"orders\" WHERE \"orders\".\"user_id\" = 42 LIMIT 1",
        "function greet(name) { return `Hello, ${name}!`; }",
        "const total = items.reduce((sum, i) => sum + i.price * i.qty, 0);",
        "if (a < b && b > c) { swap(a, c); }",
        "<div class=\"alert alert-warning\" role=\"alert\">Your session expires in 5 minutes.</div>",
        "git commit -m \"Fix: handle null user in /api/orders (#42)\"",
        "arn:aws:s3:::my-bucket/uploads/2026/11/29/photo.jpg",
        "s3://my-bucket/exports/orders-2026-11-29.csv.gz",
        "https://sqs.eu-west-1.amazonaws.com/123456789012/orders-queue",
        "projects/my-project/topics/orders",
        "/subscriptions/0000-1111/resourceGroups/rg-prod/providers/Microsoft.Storage/storageAccounts/prodstore",
        "mongodb+srv://app:REDACTED@cluster0.example.mongodb.net/orders?retryWrites=true&w=majority",
        "Server=tcp:prod.database.windows.net,1433;Initial Catalog=orders;Encrypt=True;",
        "redis://cache.internal.example.com:6379/0",
        "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        "1.2.840.113549.1.1.11",
        "$2b$12$KIXQJ8a5N8sQ0kq1lT6bQeJ8n3hGJ0w1kX9s8lqk5uQe4u2O1Zc7y",
        "{\"$schema\":\"http://json-schema.org/draft-07/schema#\",\"type\":\"object\",\"required\":[\"id\"]}",
        "{\"$ref\":\"#/definitions/Order\"}",
        "weather: sunny | temp: 22°C | wind: 5 km/h NW",
        "Ticket #4521: User can't log in after password reset; error \"invalid_grant\"",
        "Error: connect ECONNREFUSED 127.0.0.1:5432",
        "curl: (7) Failed to connect to localhost port 8080 after 0 ms: Connection refused",
        "home/${aws:username}/*",
        "arn:aws:s3:::my-bucket/*",
        "arn:aws:iam::123456789012:role/service-role/MyLambdaRole",
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\"],\"Resource\":\"arn:aws:s3:::my-bucket/${aws:PrincipalTag/team}/*\"}]}",
        "aws-cli/2.13.0 Python/3.11.4 Linux/5.10.192-183.736.amzn2.x86_64 exe/x86_64.amzn.2 prompt/off command/s3.cp",
        "Boto3/1.34.0 md/Botocore#1.34.0 ua/2.0 os/linux#5.10 md/arch#x86_64 lang/python#3.12.1 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.0",
        "aws-sdk-dotnet-coreclr/3.7.300.1 .NET_Core/8.0.0 OS/Linux_5.10 ClientAsync",
        "$.detail.orderId",
        "States.Format('Order {} shipped to {}', $.orderId, $.address.city)",
        "!Sub 'arn:aws:s3:::${BucketName}/*'",
        "{\"Fn::Join\":[\"\",[\"arn:aws:s3:::\",{\"Ref\":\"Bucket\"},\"/*\"]]}",
        "<orderId> was placed by <customer> at <time>",
        "cron(0 12 * * ? *)",
        "rate(5 minutes)",
        "0 */5 * * * *",
        "@every 5m",
        "${env:STAGE}",
        "{{resolve:ssm:/myapp/db-host}}",
        "{{resolve:secretsmanager:MySecret:SecretString:password}}",
        "projects/my-project/secrets/db-password/versions/latest",
        "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Web/sites/myfunc",
        "@Microsoft.KeyVault(SecretUri=https://myvault.vault.azure.net/secrets/db/)",
        "DefaultEndpointsProtocol=https;AccountName=prodstore;AccountKey=REDACTED==;EndpointSuffix=core.windows.net",
        "Endpoint=sb://orders.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=REDACTED=",
        "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/",
        "traceparent: 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1",
        "sp=r&st=2026-11-29T10:00:00Z&se=2026-11-29T18:00:00Z&spr=https&sv=2022-11-02&sr=b&sig=REDACTED%3D",
        "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAEXAMPLE%2F20261129%2Feu-west-1%2Fs3%2Faws4_request&X-Amz-Date=20261129T101403Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=REDACTED",
        "$filter=startswith(name,'Con') and age gt 30",
        "/api/v1/users/{userId}/orders/{orderId}",
        "https://api.example.com/v1/search?q=%E6%9D%B1%E4%BA%AC&lang=ja",
        "東京都渋谷区神南1-2-3 スカイビル5F",
        "Ο Γιώργος είπε: «Καλημέρα!»",
        "مرحبا بالعالم — مرحبا (١٢٣)",
        "Zażółć gęślą jaźń; Ærøskøbing; Straße 12a",
        "👍 Great job team!!! 🎉🎉 (see PR #42)",
    ];

    public static TheoryData<string> Cases { get; } = [.. Values];

    [Theory]
    [MemberData(nameof(Cases))]
    public void MachineWrittenValue_IsAllowed(string value) => Assert.Empty(ValuePipeline.Rules(value));
}
