using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Features.Webhooks;

namespace Vouch.Features.DirectMessages;

/// <summary>
/// A change to the caller's own link. A field left out keeps what is linked, an empty one unlinks it.
/// <paramref name="FindSlackByEmail"/> asks Slack for the member with the caller's Vouch email instead of naming one.
/// </summary>
public sealed record DirectMessageLinkBody(string? SlackMemberId = null, bool? FindSlackByEmail = null, string? TeamsWorkflowUrl = null);

/// <summary>The caller's own link (never the Teams address, only its host) and their latest messages.</summary>
public sealed record DirectMessageLinkResponse(bool SlackAvailable, string? SlackMemberId, string? TeamsHost, IReadOnlyList<DirectMessageResponse> Messages);

public sealed record DirectMessageResponse(
    Guid Id, string Kind, string Text, string? Link, string Status, int Attempts, string? LastError, DateTimeOffset CreatedAt,
    DateTimeOffset? SentAt, DateTimeOffset? NextAttemptAt);

/// <summary>How direct messages go, for admins: whether Slack works, how many users are linked, the last week's outcomes.</summary>
public sealed record DirectMessageStatusResponse(
    bool SlackConfigured, string? SlackWorkspace, string? SlackProblem, int LinkedToSlack, int LinkedToTeams,
    int SentLast7Days, int FailedLast7Days, IReadOnlyList<DirectMessageErrorResponse> LastErrors);

public sealed record DirectMessageErrorResponse(DateTimeOffset At, string Kind, string? User, string Error);

/// <summary>
/// The one writes service for direct-message links, shared by the API and the personal page. Every query names the
/// caller: nobody reads or changes another user's link or messages.
/// </summary>
public sealed partial class DirectMessageLinks(
    VouchDbContext db, SlackApi slack, SlackSettings slackSettings, WebhookSettings webhookSettings, IDataProtectionProvider protection,
    DirectMessageSignal signal, TimeProvider clock)
{
    public const int MessagesShown = 10;
    public const int ErrorsShown = 10;
    public const string TestText = "A test from Vouch: your waiting items will arrive here.";

    /// <summary>Hosts Teams Workflows addresses are on: Power Automate's, and the older Logic Apps' and Office connectors'.</summary>
    public static readonly IReadOnlyList<string> TeamsHosts = [".logic.azure.com", ".powerplatform.com", ".powerautomate.com", ".webhook.office.com"];

    private readonly IDataProtector _addresses = DirectMessageSecrets.Protector(protection);

    public async Task<DirectMessageLinkResponse> GetAsync(Guid userId, CancellationToken ct)
    {
        var link = await db.Set<DirectMessageLink>().AsNoTracking().SingleOrDefaultAsync(l => l.UserId == userId, ct);
        var messages = await db.Set<DirectMessage>().AsNoTracking().Where(m => m.UserId == userId)
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Take(MessagesShown)
            .Select(m => new DirectMessageResponse(m.Id, m.Kind.ToString(), m.Text, m.Link, m.Status.ToString(), m.Attempts, m.LastError, m.CreatedAt,
                m.SentAt, m.Status == DirectMessageStatus.Pending ? m.NextAttemptAt : null))
            .ToListAsync(ct);
        return new DirectMessageLinkResponse(slackSettings.IsConfigured, link?.SlackMemberId, link?.TeamsHost, messages);
    }

    public async Task<CommandResult<DirectMessageLinkResponse>> UpdateAsync(Guid userId, DirectMessageLinkBody body, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var slackId = await SlackMemberAsync(userId, body, errors, ct);
        var teams = TeamsAddress(body.TeamsWorkflowUrl, errors);
        if (!errors.IsEmpty)
        {
            return Refusal.Invalid(errors);
        }
        var link = await db.Set<DirectMessageLink>().SingleOrDefaultAsync(l => l.UserId == userId, ct);
        if (link is null)
        {
            link = new DirectMessageLink { UserId = userId };
            db.Add(link);
        }
        if (slackId is not null)
        {
            link.SlackMemberId = slackId.Length == 0 ? null : slackId;
        }
        if (teams is not null)
        {
            (link.ProtectedTeamsAddress, link.TeamsHost) = teams.Length == 0 ? ((string?)null, (string?)null) : (_addresses.Protect(teams), new Uri(teams).Host);
        }
        link.UpdatedAt = clock.GetUtcNow();
        if (link is { SlackMemberId: null, ProtectedTeamsAddress: null })
        {
            db.Remove(link);
        }
        await db.SaveChangesAsync(ct);
        return await GetAsync(userId, ct);
    }

    /// <summary>Unlinks Slack and Teams; the messages already sent stay in the list.</summary>
    public Task UnlinkAsync(Guid userId, CancellationToken ct) =>
        db.Set<DirectMessageLink>().Where(l => l.UserId == userId).ExecuteDeleteAsync(ct);

    /// <summary>Queues a test message to everywhere the caller is linked, now.</summary>
    public async Task<CommandResult<IReadOnlyList<DirectMessageResponse>>> TestAsync(Guid userId, CancellationToken ct)
    {
        var link = await db.Set<DirectMessageLink>().AsNoTracking().SingleOrDefaultAsync(l => l.UserId == userId, ct);
        var kinds = link is null ? [] : DirectMessageQueue.Kinds(link, slackSettings).ToList();
        if (kinds.Count == 0)
        {
            return Refusal.Conflict("Nothing is linked to send a test to.", slackSettings.IsConfigured
                ? "Link your Slack account or a Teams workflow first."
                : "Link a Teams workflow first; Slack is not set up in Vouch.");
        }
        var now = clock.GetUtcNow();
        var messages = kinds.ConvertAll(kind => DirectMessage.Queued(userId, kind, TestText, "/direct-messages", now));
        db.AddRange(messages);
        await db.SaveChangesAsync(ct);
        signal.Wake();
        return messages.ConvertAll(m => new DirectMessageResponse(m.Id, m.Kind.ToString(), m.Text, m.Link, m.Status.ToString(), 0, null, m.CreatedAt, null, m.NextAttemptAt));
    }

    /// <summary>For admins: whether Slack accepts the token (one <c>auth.test</c> call), who is linked, the last week's outcomes.</summary>
    public async Task<DirectMessageStatusResponse> StatusAsync(CancellationToken ct)
    {
        var (workspace, problem) = (default(string), default(string));
        if (slackSettings.IsConfigured)
        {
            var answer = await slack.AuthTestAsync(ct);
            (workspace, problem) = answer.Ok ? (answer.Value, (string?)null) : ((string?)null, slack.Describe(answer.Error!));
        }
        var since = clock.GetUtcNow().AddDays(-7);
        var links = db.Set<DirectMessageLink>();
        var recent = db.Set<DirectMessage>().Where(m => m.CreatedAt >= since);
        var errors = await (
            from m in db.Set<DirectMessage>()
            where m.LastError != null && m.LastAttemptAt != null
            orderby m.LastAttemptAt descending
            select new DirectMessageErrorResponse(m.LastAttemptAt!.Value, m.Kind.ToString(), db.Users.Where(u => u.Id == m.UserId).Select(u => u.Email).FirstOrDefault(), m.LastError!))
            .Take(ErrorsShown).ToListAsync(ct);
        return new DirectMessageStatusResponse(slackSettings.IsConfigured, workspace, problem,
            await links.CountAsync(l => l.SlackMemberId != null, ct), await links.CountAsync(l => l.ProtectedTeamsAddress != null, ct),
            await recent.CountAsync(m => m.Status == DirectMessageStatus.Sent, ct), await recent.CountAsync(m => m.Status == DirectMessageStatus.Failed, ct),
            errors);
    }

    /// <summary>The member id to link ("" to unlink, null to keep), named or found by the caller's email.</summary>
    private async Task<string?> SlackMemberAsync(Guid userId, DirectMessageLinkBody body, ValidationErrors errors, CancellationToken ct)
    {
        var id = body.SlackMemberId?.Trim();
        var find = body.FindSlackByEmail == true;
        if (find && !string.IsNullOrEmpty(id))
        {
            errors.Add("slackMemberId", "Give slackMemberId or findSlackByEmail, not both.");
            return null;
        }
        if (id is { Length: 0 })
        {
            return id;
        }
        if (id is null && !find)
        {
            return null;
        }
        if (!slackSettings.IsConfigured)
        {
            errors.Add(find ? "findSlackByEmail" : "slackMemberId", "Slack is not set up in Vouch: an admin sets Slack:BotToken first.");
            return null;
        }
        if (!find)
        {
            if (!SlackMemberId().IsMatch(id!))
            {
                errors.Add("slackMemberId", $"slackMemberId '{Shown(id!)}' is not a Slack member id: it starts with U or W, then capital letters and digits (e.g. U024BE7LH). Slack shows it under your profile's ⋮ menu, Copy member ID.");
                return null;
            }
            return id;
        }
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleAsync(ct);
        var answer = await slack.LookupByEmailAsync(email ?? "", ct);
        if (answer.Ok && answer.Value is { } found && SlackMemberId().IsMatch(found))
        {
            return found;
        }
        errors.Add("findSlackByEmail", answer.Error is "users_not_found" or "user_not_found"
            ? $"Slack has no member with the email {email} in this workspace: give your member id instead."
            : slack.Describe(answer.Error ?? "unreadable_answer"));
        return null;
    }

    /// <summary>The Teams workflow address to link ("" to unlink, null to keep): HTTPS on a Microsoft host.</summary>
    private string? TeamsAddress(string? text, ValidationErrors errors)
    {
        const string field = "teamsWorkflowUrl";
        text = text?.Trim();
        if (text is null or { Length: 0 })
        {
            return text;
        }
        if (text.Length > DirectMessageLink.TeamsAddressMaxLength || !Uri.TryCreate(text, UriKind.Absolute, out var url))
        {
            errors.Add(field, $"{field} must be an absolute address of at most {DirectMessageLink.TeamsAddressMaxLength} characters: the Workflows \"When a Teams webhook request is received\" address.");
            return null;
        }
        if (webhookSettings.AllowHttp ? url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp : url.Scheme != Uri.UriSchemeHttps)
        {
            errors.Add(field, $"{field} must start with https://: it carries your waiting items.");
            return null;
        }
        if (!string.IsNullOrEmpty(url.UserInfo))
        {
            errors.Add(field, $"{field} must not hold a user name or password.");
            return null;
        }
        // Only a Microsoft host: anything else would send a user's waiting items wherever they typed. A receiver on this
        // machine is let in only where plain HTTP is (Development and tests).
        if (!TeamsHosts.Any(h => url.Host.EndsWith(h, StringComparison.OrdinalIgnoreCase)) && !(webhookSettings.AllowHttp && url.IsLoopback))
        {
            errors.Add(field, $"{field} is on {url.Host}, which is not a Teams Workflows host; Workflows addresses end in {string.Join(", ", TeamsHosts)}.");
            return null;
        }
        return url.AbsoluteUri;
    }

    private static string Shown(string text) => text.Length > 30 ? text[..30] + "…" : text;

    [GeneratedRegex("^[UW][A-Z0-9]{6,19}$")]
    private static partial Regex SlackMemberId();
}
