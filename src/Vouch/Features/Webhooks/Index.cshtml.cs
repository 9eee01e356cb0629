using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Vouch.Auth;
using Vouch.Resources;

namespace Vouch.Features.Webhooks;

/// <summary>Admins subscribe endpoints to events and connect Slack and Teams channels.</summary>
[Authorize(Policy = Policies.Administer)]
public sealed class IndexModel(WebhookSubscriptions subscriptions, WebhookSettings settings, CurrentUser user, IStringLocalizer<Strings> text) : PageModel
{
    public int DisableAfterFailures => settings.DisableAfterFailures;
    public IReadOnlyList<WebhookSubscriptionResponse> Webhooks { get; private set; } = [];
    public IReadOnlyList<WebhookSubscriptionResponse> Channels { get; private set; } = [];

    /// <summary>A webhook just made, with its secret: shown once.</summary>
    public CreatedWebhook? Created { get; private set; }

    public Refusal? Refusal { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(ct);

    public async Task<IActionResult> OnPostWebhookAsync(string? name, string? url, string[]? events, CancellationToken ct)
    {
        var created = await subscriptions.CreateAsync(user.Id, new WebhookBody(name, url, events), ct);
        (Created, Refusal) = (created.Value, created.Refusal);
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostChannelAsync(string? kind, string? name, string? webhookUrl, string[]? events, CancellationToken ct)
    {
        var created = await subscriptions.CreateChannelAsync(user.Id, new ChannelBody(kind, name, webhookUrl, events), ct);
        if (!created.Succeeded)
        {
            Refusal = created.Refusal;
            return await ShowAsync(ct);
        }
        TempData["Notice"] = text["The {0} channel \"{1}\" is connected.", created.Value!.Kind, created.Value.Name].Value;
        return Redirect($"/webhooks/{created.Value.Id}");
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Webhooks = await subscriptions.ListAsync(channels: false, ct);
        Channels = await subscriptions.ListAsync(channels: true, ct);
        return Page();
    }
}
