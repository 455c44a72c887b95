namespace ServerlessShield.AwsLambda.Tests.Support;

// A clock that always reads the same time; its timers are real ones.
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
