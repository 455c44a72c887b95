namespace ServerlessShield;

/// <summary>The family of event source that triggered a function. Inspection rules are chosen by family.</summary>
public enum EventSourceKind
{
    /// <summary>Not known; inspected as a custom source.</summary>
    Custom = 0,

    /// <summary>An HTTP request (API Gateway, ALB, Function URL, Azure HTTP trigger).</summary>
    Http,

    /// <summary>A queue message (SQS, Azure Storage queue, Service Bus, Amazon MQ).</summary>
    Queue,

    /// <summary>A publish/subscribe or event-bus notification (SNS, EventBridge, Event Grid).</summary>
    PubSub,

    /// <summary>A storage event (S3 notification, Azure blob).</summary>
    Storage,

    /// <summary>A data-stream record (Kinesis, Event Hubs, Kafka, Firehose, CloudWatch Logs).</summary>
    Stream,

    /// <summary>A database change (DynamoDB Streams, Cosmos DB change feed).</summary>
    Database,

    /// <summary>A schedule or timer.</summary>
    Schedule,

    /// <summary>An identity-provider or platform callback (Cognito triggers, CloudFormation custom resources and the like).</summary>
    Platform,
}
