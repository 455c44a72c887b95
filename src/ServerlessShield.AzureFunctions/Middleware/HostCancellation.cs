namespace ServerlessShield.AzureFunctions;

// The worker reports an invocation as Cancelled (not Failed) only when the exception that leaves the pipeline has an
// OperationCanceledException as its inner exception; a bare one thrown by the function counts as a failure. A
// cancellation the host asked for (InvocationCancel, shutdown) leaves the shield as such an exception: still an
// OperationCanceledException for any caller that catches one, with a fixed message and none of the function's frames.
internal static class HostCancellation
{
    public static OperationCanceledException For(CancellationToken cancellationToken) =>
        new("The invocation was cancelled by the Functions host.", new OperationCanceledException(cancellationToken), cancellationToken);

    // A cancellation as such, or wrapped by the executor (its inner exception, every exception of an aggregate).
    public static bool IsCancellation(Exception exception) => exception switch
    {
        OperationCanceledException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(e => e is OperationCanceledException),
        _ => exception.InnerException is OperationCanceledException,
    };
}
