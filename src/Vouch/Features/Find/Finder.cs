using Microsoft.EntityFrameworkCore;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Accounts;
using Vouch.Features.Contacts;
using Vouch.Features.Content;
using Vouch.Features.Ideas;
using Vouch.Features.Requests;
using Vouch.Web;

namespace Vouch.Features.Find;

/// <summary>One record found: its name, a word about it, and its page.</summary>
public sealed record FoundRecord(Guid Id, string Name, string? Detail, string Href);

/// <summary>
/// The records of one kind that were found, at most as many as asked for; <paramref name="More"/> when there are more,
/// which the kind's own list (<paramref name="ListHref"/>, when it searches by text) shows in full.
/// </summary>
public sealed record FoundGroup(string Kind, string Label, IReadOnlyList<FoundRecord> Items, bool More, string? ListHref);

/// <summary>What a search found, a group per kind the caller may see, in a fixed order; no groups for an empty search.</summary>
public sealed record FindResponse(string Q, IReadOnlyList<FoundGroup> Groups);

/// <summary>
/// Finds records by a part of their name, in any case, with the query pieces of their own lists and each kind only as its
/// own pages let the caller see it: accounts and contacts for those who read the inventory, requests as the requests
/// list shows them to the caller, content as the library does, ideas as the idea exchange does. Each kind asks for one
/// more than it shows, in an indexed order, so a search costs a few short queries.
/// </summary>
public sealed class Finder(VouchDbContext db, CurrentUser user, ContentLibrary library)
{
    /// <summary>Records of each kind the header's list shows.</summary>
    public const int ListShows = 5;

    /// <summary>Records of each kind the results page shows.</summary>
    public const int PageShows = 20;

    /// <summary>What is wrong with <paramref name="q"/>: only its length, the same limit as every list's search.</summary>
    public static ValidationErrors Validate(string? q)
    {
        var errors = new ValidationErrors();
        new PageQuery { Q = q }.Validate(errors);
        return errors;
    }

    public async Task<FindResponse> FindAsync(string? q, int each, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return new FindResponse("", []);
        }
        var text = q.Trim();
        var lower = text.ToLowerInvariant();
        var groups = new List<FoundGroup>();
        var list = Uri.EscapeDataString(text);
        if (await user.MayAsync(Policies.ReadInventory))
        {
            groups.Add(await GroupAsync("accounts", "Accounts", $"/accounts?q={list}", each,
                db.Accounts.AsNoTracking().NameContains(text).OrderBy(a => a.Name).ThenBy(a => a.Id)
                    .Select(a => new { a.Id, a.Name, Industry = (string?)a.Industry!.Name, a.CountryCode }),
                a => new FoundRecord(a.Id, a.Name, Detail(a.Industry, a.CountryCode), $"/accounts/{a.Id}"), ct));
            groups.Add(await GroupAsync("contacts", "Contacts", $"/contacts?q={list}", each,
                db.Contacts.AsNoTracking().NameContains(text).OrderBy(c => c.LastName).ThenBy(c => c.FirstName).ThenBy(c => c.Id)
                    .Select(c => new { c.Id, c.FirstName, c.LastName, c.Title, Account = c.Account!.Name }),
                c => new FoundRecord(c.Id, $"{c.FirstName} {c.LastName}", Detail(c.Title, c.Account), $"/contacts/{c.Id}"), ct));
            var actor = await RequestActor.OfAsync(user);
            // A request is named by its deal, or by the advocate's account once one is proposed.
            groups.Add(await GroupAsync("requests", "Requests", null, each,
                actor.Listed(db.ReferenceRequests.AsNoTracking())
                    .Where(r => r.Opportunity!.Name.ToLower().Contains(lower) || r.Contact!.Account!.Name.ToLower().Contains(lower))
                    .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
                    .Select(r => new { r.Id, Activity = r.ActivityType!.Name, Opportunity = (string?)r.Opportunity!.Name, Account = (string?)r.Contact!.Account!.Name, r.Status }),
                r => new FoundRecord(r.Id, $"{r.Activity} for {r.Opportunity ?? "a campaign"}", Detail(r.Account, r.Status.ToString()), $"/requests/{r.Id}"), ct));
            groups.Add(await GroupAsync("content", "Content", $"/content?q={list}", each,
                ContentLibrary.Matching(library.Visible(await ContentReader.OfAsync(user)), text).OrderBy(c => c.Title).ThenBy(c => c.Id)
                    .Select(c => new { c.Id, c.Title, c.Kind, Account = (string?)c.Account!.Name }),
                c => new FoundRecord(c.Id, c.Title, Detail(c.Kind.ToString(), c.Account), $"/content/{c.Id}"), ct));
        }
        if (await user.MayAsync(IdeasModule.PostIdeas))
        {
            var viewer = await Viewer.OfAsync(user);
            // Merged duplicates are left out, as on the board: their votes and comments are on the idea they went into.
            groups.Add(await GroupAsync("ideas", "Ideas", $"/ideas?q={list}", each,
                viewer.Visible(db.Ideas.AsNoTracking())
                    .Where(i => i.MergedIntoId == null && i.Title.ToLower().Contains(lower))
                    .OrderByDescending(i => i.VoteCount).ThenBy(i => i.Id)
                    .Select(i => new { i.Id, i.Title, i.Status, i.VoteCount }),
                i => new FoundRecord(i.Id, i.Title, Detail(IdeaStatuses.Label(i.Status), $"{i.VoteCount} {(i.VoteCount == 1 ? "vote" : "votes")}"), $"/ideas/{i.Id}"), ct));
        }
        return new FindResponse(text, groups);
    }

    private static async Task<FoundGroup> GroupAsync<T>(
        string kind, string label, string? listHref, int each, IQueryable<T> rows, Func<T, FoundRecord> found, CancellationToken ct)
    {
        var read = await rows.Take(each + 1).ToListAsync(ct);
        return new FoundGroup(kind, label, [.. read.Take(each).Select(found)], read.Count > each, listHref);
    }

    private static string? Detail(params string?[] parts) =>
        parts.Any(p => !string.IsNullOrWhiteSpace(p)) ? string.Join(" · ", parts.Where(p => !string.IsNullOrWhiteSpace(p))) : null;
}
