using Vouch.Hosting;

namespace Vouch.Features.Webhooks;

/// <summary>
/// Wakes this instance's sender when a save here adds deliveries, so an event goes out at once rather than at the next
/// round; deliveries added on other instances wait at most a round (<see cref="WebhookSettings.PollInterval"/>).
/// </summary>
public sealed class WebhookSignal : JobSignal;
