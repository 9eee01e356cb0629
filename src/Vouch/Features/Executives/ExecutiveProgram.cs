using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Engagements;
using Vouch.Web;

namespace Vouch.Features.Executives;

/// <summary>
/// Executives' conversations with customers, their targets and progress, the themes that repeat, and executive sponsors
/// of key accounts: one set of rules for the API and the pages. A refusal changes nothing.
/// </summary>
public sealed class ExecutiveProgram(VouchDbContext db, CurrentUser user, IOptions<ExecutiveOptions> options, TimeProvider clock)
{
    public static readonly Refusal NotFound = Refusal.NotFound("The conversation");

    /// <summary>An executive's page lists this many of their latest conversations.</summary>
    public const int RecentShown = 10;

    /// <summary>The program's page shows this many themes.</summary>
    public const int ThemesShown = 12;

    public const int MaxTarget = 1_000;

    private ExecutiveOptions Options => options.Value;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<CommandResult<Paged<ConversationResponse>>> ListAsync(PageQuery page, ConversationFilter filter, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        page.Validate(errors);
        if (!errors.IsEmpty)
        {
            return Refusal.Invalid(errors);
        }
        var conversations = db.Set<ExecutiveConversation>().AsNoTracking();
        if (filter.ExecutiveId is { } executiveId)
        {
            conversations = conversations.Where(c => c.ExecutiveId == executiveId);
        }
        if (filter.AccountId is { } accountId)
        {
            conversations = conversations.Where(c => c.AccountId == accountId);
        }
        if (filter.ContactId is { } contactId)
        {
            conversations = conversations.Where(c => c.ContactId == contactId);
        }
        var total = await conversations.CountAsync(ct);
        var items = await Responses(Latest(conversations).Skip(page.Skip).Take(page.Size)).ToListAsync(ct);
        return new Paged<ConversationResponse>(items, total, page.PageNumber, page.Size);
    }

    public async Task<ConversationResponse?> FindAsync(Guid id, CancellationToken ct) =>
        await Responses(db.Set<ExecutiveConversation>().AsNoTracking().Where(c => c.Id == id)).SingleOrDefaultAsync(ct);

    /// <summary>
    /// Logs the signed-in executive's conversation, and writes it to the contact's ledger as a give in the same save.
    /// </summary>
    /// <remarks>
    /// A conversation with an executive is not an ask: the executive seeks it, the customer gives no more than the
    /// half hour they would spend with their account team, and it is not counted against their caps or rest periods.
    /// It gives them insider access and a say with the company's leadership, which is what the social capital of
    /// decision 19 is made of, so it is a delivered give of <see cref="ExecutiveOptions.ConversationCreditHours"/>.
    /// </remarks>
    public async Task<CommandResult<ConversationResponse>> LogAsync(ConversationInput input, CancellationToken ct)
    {
        if (input.ExecutiveId is { } named && named != user.Id)
        {
            var name = await NameOfAsync(named, ct);
            return Refusal.Forbidden(
                "An executive logs only their own conversations.",
                $"executiveId names {name ?? "another user"}, not you: leave executiveId out, or send your own id, to log a conversation you held.");
        }
        var errors = new ValidationErrors();
        if (input.ContactId is null)
        {
            errors.Add("contactId", "contactId is required: the customer the conversation was with.");
        }
        if (input.HeldOn is not { } heldOn)
        {
            errors.Add("heldOn", "heldOn is required: the day the conversation was held.");
        }
        else if (heldOn > Today)
        {
            errors.Add("heldOn", $"heldOn cannot be in the future ({heldOn:yyyy-MM-dd} is after today, {Today:yyyy-MM-dd}): log a conversation once it is held.");
        }
        if (string.IsNullOrWhiteSpace(input.Channel))
        {
            errors.Add("channel", $"channel is required: {EnumText.Names<ConversationChannel>()}.");
        }
        var channel = EnumText.Optional<ConversationChannel>(input.Channel, "channel", errors);
        var sentiment = EnumText.Optional<Sentiment>(input.Sentiment, "sentiment", errors);
        if (input.Minutes is < 1 or > ExecutiveConversation.MaxMinutes)
        {
            errors.Add("minutes", $"minutes must be between 1 and {ExecutiveConversation.MaxMinutes}.");
        }
        errors.MaxLength("productUse", input.ProductUse, ExecutiveConversation.TextMaxLength);
        errors.MaxLength("value", input.Value, ExecutiveConversation.TextMaxLength);
        errors.MaxLength("feeling", input.Feeling, ExecutiveConversation.TextMaxLength);
        errors.MaxLength("learned", input.Learned, ExecutiveConversation.TextMaxLength);
        errors.MaxLength("followUps", input.FollowUps, ExecutiveConversation.TextMaxLength);
        var contact = input.ContactId is { } contactId
            ? await db.Contacts.AsNoTracking().Where(c => c.Id == contactId).Select(c => new { c.Id, c.AccountId }).SingleOrDefaultAsync(ct)
            : null;
        if (input.ContactId is not null && contact is null)
        {
            errors.Add("contactId", $"No contact has the id {input.ContactId}.");
        }
        if (!errors.IsEmpty)
        {
            return Refusal.Invalid(errors);
        }
        var executive = await NameOfAsync(user.Id, ct) ?? user.Email;
        var conversation = new ExecutiveConversation
        {
            ExecutiveId = user.Id,
            ContactId = contact!.Id,
            AccountId = contact.AccountId,
            HeldOn = input.HeldOn!.Value,
            Channel = channel!.Value,
            Minutes = input.Minutes,
            ProductUse = Trimmed(input.ProductUse),
            Value = Trimmed(input.Value),
            Sentiment = sentiment,
            Feeling = Trimmed(input.Feeling),
            Learned = Trimmed(input.Learned),
            FollowUps = Trimmed(input.FollowUps),
            RecordedAt = clock.GetUtcNow(),
        };
        var give = LedgerEntries.NewGive(contact.Id, contact.AccountId, $"Conversation with {executive}", Options.ConversationCreditHours, conversation.HeldOn);
        conversation.EngagementId = give.Id;
        db.Engagements.Add(give);
        db.Add(conversation);
        await db.SaveChangesAsync(ct);
        return (await FindAsync(conversation.Id, ct))!;
    }

    /// <summary>Marks the follow-ups of one's own conversation done.</summary>
    public async Task<CommandResult<ConversationResponse>> FollowUpsDoneAsync(Guid id, CancellationToken ct)
    {
        var conversation = await db.Set<ExecutiveConversation>().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (conversation is null)
        {
            return NotFound;
        }
        if (conversation.ExecutiveId != user.Id)
        {
            return Refusal.Forbidden("Only the executive who held the conversation closes its follow-ups.");
        }
        if (conversation.FollowUps is null)
        {
            return Refusal.Conflict("The conversation has no follow-ups.", "Only a conversation logged with follow-ups has them to close.");
        }
        conversation.FollowUpsDone = true;
        await db.SaveChangesAsync(ct);
        return (await FindAsync(id, ct))!;
    }

    /// <summary>The signed-in executive's progress this year, latest conversations and open follow-ups: a few small reads of one index.</summary>
    public async Task<MyConversations> MineAsync(CancellationToken ct)
    {
        var today = Today;
        var me = user.Id;
        var mine = db.Set<ExecutiveConversation>().AsNoTracking().Where(c => c.ExecutiveId == me);
        var start = new DateOnly(today.Year, 1, 1);
        var held = await mine.CountAsync(c => c.HeldOn >= start && c.HeldOn <= today, ct);
        var target = await TargetOfAsync(me, ct);
        var progress = ConversationProgress.Of(target, held, today);
        var name = await NameOfAsync(me, ct) ?? user.Email;
        return new MyConversations(
            Response(me, name, progress),
            await Responses(Latest(mine).Take(RecentShown)).ToListAsync(ct),
            await Responses(Latest(mine.Where(c => c.FollowUps != null && !c.FollowUpsDone)).Take(50)).ToListAsync(ct));
    }

    /// <summary>
    /// Every executive's progress in <paramref name="year"/> (this one by default, pro rata to today; a past year whole):
    /// users in the role Executive, and anyone else who held a conversation that year.
    /// </summary>
    public async Task<CommandResult<IReadOnlyList<ExecutiveProgressResponse>>> ProgressAsync(int? year, CancellationToken ct)
    {
        if (Year(year) is not var (start, end, asOf))
        {
            return YearRefused();
        }
        var counts = await db.Set<ExecutiveConversation>().AsNoTracking()
            .Where(c => c.HeldOn >= start && c.HeldOn <= end)
            .GroupBy(c => c.ExecutiveId)
            .Select(g => new { ExecutiveId = g.Key, Held = g.Count() })
            .ToDictionaryAsync(g => g.ExecutiveId, g => g.Held, ct);
        var active = counts.Keys.ToList();
        var executives = await db.Users.AsNoTracking()
            .Where(u => (!u.IsDisabled && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Executive)))
                || active.Contains(u.Id))
            .Select(u => new { u.Id, Name = u.DisplayName == "" ? u.Email! : u.DisplayName })
            .ToListAsync(ct);
        var targets = await db.Set<ExecutiveTarget>().AsNoTracking().ToDictionaryAsync(t => t.ExecutiveId, t => t.ConversationsPerYear, ct);
        return executives
            .Select(e => Response(e.Id, e.Name, ConversationProgress.Of(targets.GetValueOrDefault(e.Id, Options.YearlyConversationTarget), counts.GetValueOrDefault(e.Id), asOf)))
            .OrderBy(p => p.Executive, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.ExecutiveId)
            .ToList();
    }

    /// <summary>The themes that repeat across the year's conversations, in what executives learned and the value customers get.</summary>
    public async Task<CommandResult<IReadOnlyList<ThemeResponse>>> ThemesAsync(int? year, CancellationToken ct)
    {
        if (Year(year) is not var (start, end, _))
        {
            return YearRefused();
        }
        var texts = await db.Set<ExecutiveConversation>().AsNoTracking()
            .Where(c => c.HeldOn >= start && c.HeldOn <= end && (c.Learned != null || c.Value != null))
            .Select(c => new { c.Id, c.Learned, c.Value })
            .ToListAsync(ct);
        // Each field is read on its own, so no phrase is made of the end of one and the start of the other.
        var themes = ConversationThemes.Find(
            texts.SelectMany(t => new[] { t.Learned, t.Value }.OfType<string>().Select(text => new ConversationText(t.Id, text))), ThemesShown);
        return themes.Select(t => new ThemeResponse(t.Phrase, t.Count, t.ConversationIds)).ToList();
    }

    /// <summary>Sets an executive's own yearly target, or (with none) returns them to the program's default.</summary>
    public async Task<CommandResult<ExecutiveProgressResponse>> SetTargetAsync(Guid executiveId, TargetInput input, CancellationToken ct)
    {
        if (await NameOfExecutiveAsync(executiveId, ct) is not { } name)
        {
            return Refusal.NotFound("The executive");
        }
        if (input.ConversationsPerYear is < 1 or > MaxTarget)
        {
            return Refusal.Invalid("conversationsPerYear", $"conversationsPerYear must be between 1 and {MaxTarget}, or left out for the program's default of {Options.YearlyConversationTarget}.");
        }
        var target = await db.Set<ExecutiveTarget>().SingleOrDefaultAsync(t => t.ExecutiveId == executiveId, ct);
        if (input.ConversationsPerYear is not { } perYear)
        {
            if (target is not null)
            {
                db.Remove(target);
            }
        }
        else if (target is null)
        {
            db.Add(new ExecutiveTarget { ExecutiveId = executiveId, ConversationsPerYear = perYear });
        }
        else
        {
            target.ConversationsPerYear = perYear;
        }
        await db.SaveChangesAsync(ct);
        // Counted for this executive alone, as the progress of all counts them: an admin may have a target (and
        // sponsor accounts) without being on that list until they hold a conversation.
        var (start, end, asOf) = Year(null)!.Value;
        var held = await db.Set<ExecutiveConversation>().AsNoTracking()
            .CountAsync(c => c.ExecutiveId == executiveId && c.HeldOn >= start && c.HeldOn <= end, ct);
        return Response(executiveId, name, ConversationProgress.Of(input.ConversationsPerYear ?? Options.YearlyConversationTarget, held, asOf));
    }

    public Task<SponsorResponse?> SponsorAsync(Guid accountId, CancellationToken ct) =>
        Sponsors(db.Set<ExecutiveSponsor>().AsNoTracking().Where(s => s.AccountId == accountId)).SingleOrDefaultAsync(ct);

    /// <summary>Every sponsored account, by account name.</summary>
    public Task<List<SponsorResponse>> SponsorsAsync(CancellationToken ct) =>
        Sponsors(db.Set<ExecutiveSponsor>().AsNoTracking()).ToListAsync(ct);

    /// <summary>Pairs the account with an executive as its sponsor, in place of any before.</summary>
    public async Task<CommandResult<SponsorResponse>> SetSponsorAsync(Guid accountId, SponsorInput input, CancellationToken ct)
    {
        if (!await db.Accounts.AnyAsync(a => a.Id == accountId, ct))
        {
            return Refusal.NotFound("The account");
        }
        var errors = new ValidationErrors();
        if (input.ExecutiveId is not { } executiveId)
        {
            errors.Add("executiveId", "executiveId is required: the executive who sponsors the account.");
        }
        else if (await NameOfExecutiveAsync(executiveId, ct) is null)
        {
            errors.Add("executiveId", "executiveId is not an executive: a sponsor is a user in the role Executive or Admin.");
        }
        if (input.Since > Today)
        {
            errors.Add("since", "since cannot be in the future.");
        }
        if (!errors.IsEmpty)
        {
            return Refusal.Invalid(errors);
        }
        var sponsor = await db.Set<ExecutiveSponsor>().SingleOrDefaultAsync(s => s.AccountId == accountId, ct);
        if (sponsor is null)
        {
            db.Add(sponsor = new ExecutiveSponsor { AccountId = accountId });
        }
        sponsor.ExecutiveId = input.ExecutiveId!.Value;
        sponsor.Since = input.Since ?? Today;
        await db.SaveChangesAsync(ct);
        return (await SponsorAsync(accountId, ct))!;
    }

    public async Task<CommandResult> RemoveSponsorAsync(Guid accountId, CancellationToken ct)
    {
        if (!await db.Accounts.AnyAsync(a => a.Id == accountId, ct))
        {
            return Refusal.NotFound("The account");
        }
        await db.Set<ExecutiveSponsor>().Where(s => s.AccountId == accountId).ExecuteDeleteAsync(ct);
        return CommandResult.Success;
    }

    /// <summary>The account's sponsor and its last executive conversation, for its page.</summary>
    public async Task<AccountExecutives> OfAccountAsync(Guid accountId, CancellationToken ct) => new(
        await SponsorAsync(accountId, ct),
        await Responses(Latest(db.Set<ExecutiveConversation>().AsNoTracking().Where(c => c.AccountId == accountId))).FirstOrDefaultAsync(ct));

    /// <summary>Users who may be executives here (role Executive or Admin), by name: the choices of the sponsor and target forms.</summary>
    public Task<List<ExecutiveChoice>> ExecutivesAsync(CancellationToken ct) =>
        Executives().OrderBy(u => u.Name).ThenBy(u => u.Id).Take(500).ToListAsync(ct);

    private async Task<string?> NameOfExecutiveAsync(Guid id, CancellationToken ct) =>
        await Executives().Where(u => u.Id == id).Select(u => u.Name).SingleOrDefaultAsync(ct);

    private IQueryable<ExecutiveChoice> Executives() =>
        from u in db.Users
        where !u.IsDisabled && db.UserRoles.Any(ur => ur.UserId == u.Id
            && db.Roles.Any(r => r.Id == ur.RoleId && (r.Name == Roles.Executive || r.Name == Roles.Admin)))
        select new ExecutiveChoice { Id = u.Id, Name = u.DisplayName == "" ? u.Email! : u.DisplayName };

    private async Task<string?> NameOfAsync(Guid id, CancellationToken ct) =>
        await db.Users.Where(u => u.Id == id).Select(u => u.DisplayName == "" ? u.Email : u.DisplayName).SingleOrDefaultAsync(ct);

    private async Task<int> TargetOfAsync(Guid executiveId, CancellationToken ct) =>
        await db.Set<ExecutiveTarget>().Where(t => t.ExecutiveId == executiveId).Select(t => (int?)t.ConversationsPerYear).SingleOrDefaultAsync(ct)
            ?? Options.YearlyConversationTarget;

    /// <summary>The days of the year asked for and the day progress is judged on: today this year, the last day of a past one.</summary>
    private (DateOnly Start, DateOnly End, DateOnly AsOf)? Year(int? year)
    {
        var today = Today;
        var y = year ?? today.Year;
        if (y < 2000 || y > today.Year)
        {
            return null;
        }
        var end = new DateOnly(y, 12, 31);
        return (new DateOnly(y, 1, 1), end, y == today.Year ? today : end);
    }

    private Refusal YearRefused() => Refusal.Invalid("year", $"year must be between 2000 and {Today.Year}.");

    private static ExecutiveProgressResponse Response(Guid id, string name, ConversationProgress p) =>
        new(id, name, p.Year, p.Target, p.Held, p.OnTrackLine, p.Behind, p.Words);

    private static IOrderedQueryable<ExecutiveConversation> Latest(IQueryable<ExecutiveConversation> conversations) =>
        conversations.OrderByDescending(c => c.HeldOn).ThenByDescending(c => c.RecordedAt).ThenByDescending(c => c.Id);

    private static IQueryable<ConversationResponse> Responses(IQueryable<ExecutiveConversation> conversations) =>
        conversations.Select(c => new ConversationResponse(
            c.Id, c.ExecutiveId, c.Executive!.DisplayName == "" ? c.Executive.Email! : c.Executive.DisplayName,
            c.ContactId, c.Contact!.FirstName + " " + c.Contact.LastName, c.AccountId, c.Account!.Name, c.HeldOn,
            c.Channel == ConversationChannel.FaceToFace ? nameof(ConversationChannel.FaceToFace)
                : c.Channel == ConversationChannel.Phone ? nameof(ConversationChannel.Phone) : nameof(ConversationChannel.Video),
            c.Minutes, c.ProductUse, c.Value,
            c.Sentiment == Sentiment.Positive ? nameof(Sentiment.Positive) : c.Sentiment == Sentiment.Neutral ? nameof(Sentiment.Neutral)
                : c.Sentiment == Sentiment.Negative ? nameof(Sentiment.Negative) : null,
            c.Feeling, c.Learned, c.FollowUps, c.FollowUpsDone, c.RecordedAt));

    /// <summary>The sponsors as responses, by account name.</summary>
    private IQueryable<SponsorResponse> Sponsors(IQueryable<ExecutiveSponsor> sponsors) =>
        from s in sponsors
        join a in db.Accounts on s.AccountId equals a.Id
        orderby a.Name, a.Id
        select new SponsorResponse(s.AccountId, a.Name, s.ExecutiveId, s.Executive!.DisplayName == "" ? s.Executive.Email! : s.Executive.DisplayName, s.Since);

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>A user who may be an executive here, as forms offer them.</summary>
public sealed class ExecutiveChoice
{
    public Guid Id { get; init; }
    public required string Name { get; init; }
}
