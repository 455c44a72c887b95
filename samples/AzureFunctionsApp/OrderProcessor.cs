using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using ServerlessShield;

namespace AzureFunctionsApp;

/// <summary>
/// A queue function, shielded for the whole class. An exception leaves as a ShieldedInvocationException (code and
/// correlation id, no message or stack), so the queue's retries and poison queue still apply.
/// </summary>
[Shield]
public sealed class OrderProcessor(ILogger<OrderProcessor> logger)
{
    [Function("ProcessOrder")]
    public void ProcessOrder([QueueTrigger("orders")] Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.Quantity <= 0)
        {
            throw new InvalidOperationException($"Invalid quantity for {order.Sku}.");
        }

        logger.LogInformation("Processing {Quantity} x {Sku}", order.Quantity, order.Sku);
    }

    /// <summary>Opted out of the class-level attribute: runs exactly as without the shield.</summary>
    [Function("AuditOrder")]
    [Shield(Enabled = false)]
    public void AuditOrder([QueueTrigger("orders-audit")] string message) =>
        logger.LogInformation("Audit message of {Length} characters", message?.Length ?? 0);
}
