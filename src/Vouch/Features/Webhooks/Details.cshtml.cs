using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Vouch.Auth;
using Vouch.Resources;
using Vouch.Web;

namespace Vouch.Features.Webhooks;

/// <summary>One webhook or channel: its deliveries with the answers they got; turn it on or off, try it, delete it.</summary>
[Authorize(Policy = Policies.Administer)]
public sealed class DetailsModel(WebhookSubscriptions subscriptions, IStringLocalizer<Strings> text) : PageModel
{
    public WebhookSubscriptionResponse Subscription { get; private set; } = null!;
    public IReadOnlyList<WebhookDeliveryResponse> Deliveries { get; private set; } = [];
    public Refusal? Refusal { get; private set; }

    private bool IsChannel => Subscription.Kind != nameof(WebhookKind.Signed);

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => ShowAsync(id, null, ct);

    public async Task<IActionResult> OnPostSwitchAsync(Guid id, bool enabled, Guid? version, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } channel)
        {
            return NotFound();
        }
        return await this.SaveFormAsync(
            () => channel ? subscriptions.UpdateChannelAsync(id, new ChannelBody(null, null, null, null, enabled, version), ct)
                : subscriptions.UpdateAsync(id, new WebhookBody(null, null, null, enabled, version), ct),
            saved => ($"/webhooks/{id}", (saved.Enabled ? text["\"{0}\" is on.", saved.Name] : text["\"{0}\" is off: nothing is posted to it until it is turned on.", saved.Name]).Value),
            refusal => ShowAsync(id, refusal, ct));
    }

    public async Task<IActionResult> OnPostPingAsync(Guid id, CancellationToken ct) =>
        await FindAsync(id, ct) is { } channel
            ? await this.SaveFormAsync(() => subscriptions.PingAsync(id, channel, ct),
                _ => ($"/webhooks/{id}", text["A webhook.ping event is on its way; its delivery shows below in a moment."].Value), refusal => ShowAsync(id, refusal, ct))
            : NotFound();

    public async Task<IActionResult> OnPostRedeliverAsync(Guid id, Guid deliveryId, CancellationToken ct) =>
        await FindAsync(id, ct) is { } channel
            ? await this.SaveFormAsync(() => subscriptions.RedeliverAsync(id, deliveryId, channel, ct),
                _ => ($"/webhooks/{id}", text["The delivery is queued again."].Value), refusal => ShowAsync(id, refusal, ct))
            : NotFound();

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } channel)
        {
            return NotFound();
        }
        await subscriptions.DeleteAsync(id, channel, ct);
        TempData["Notice"] = text["\"{0}\" was deleted with its deliveries.", Subscription.Name].Value;
        return Redirect("/webhooks");
    }

    /// <summary>Whether the subscription is a channel; null when there is none.</summary>
    private async Task<bool?> FindAsync(Guid id, CancellationToken ct)
    {
        if (await subscriptions.FindAsync(id, ct) is not { } found)
        {
            return null;
        }
        Subscription = found;
        return IsChannel;
    }

    private async Task<IActionResult> ShowAsync(Guid id, Refusal? refusal, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } channel)
        {
            return NotFound();
        }
        Refusal = refusal;
        Deliveries = await subscriptions.DeliveriesAsync(id, channel, ct) ?? [];
        return Page();
    }
}
