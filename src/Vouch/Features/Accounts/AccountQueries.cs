using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Features.Catalog;
using Vouch.Features.Value;
using Vouch.Web;

namespace Vouch.Features.Accounts;

/// <summary>The account search shared by the API and the pages.</summary>
public static class AccountQueries
{
    /// <summary>An account as its lists show it.</summary>
    public static readonly Expression<Func<Account, AccountSummary>> Summary = a => new AccountSummary(
        a.Id, a.Name, a.Industry!.Name,
        a.Segment.HasValue ? a.Segment.Value.ToString() : null,
        a.Region.HasValue ? a.Region.Value.ToString() : null,
        a.CountryCode, a.Employees, a.Owner!.Email);

    /// <summary>The accounts with <paramref name="text"/> anywhere in their name, in any case.</summary>
    public static IQueryable<Account> NameContains(this IQueryable<Account> accounts, string text)
    {
        var lower = text.Trim().ToLowerInvariant();
        return accounts.Where(a => a.Name.ToLower().Contains(lower));
    }

    // Sorted by value, valuesOfOwner keeps only that owner's customers: a seller sees the value of their own.
    public static async Task<Paged<AccountSummary>> SearchAsync(
        this VouchDbContext db, PageQuery page, AccountFilter filter, CancellationToken ct, Guid? valuesOfOwner = null)
    {
        var all = db.Accounts.AsNoTracking();
        var accounts = all;
        if (!string.IsNullOrWhiteSpace(page.Q))
        {
            accounts = accounts.NameContains(page.Q);
        }
        if (!string.IsNullOrWhiteSpace(filter.Industry))
        {
            var key = Keys.FromName(filter.Industry);
            accounts = accounts.Where(a => a.Industry!.Key == key);
        }
        if (!string.IsNullOrWhiteSpace(filter.Country))
        {
            var code = Countries.Resolve(filter.Country) ?? filter.Country;
            accounts = accounts.Where(a => a.CountryCode == code);
        }
        if (EnumText.ParseOrNull<Segment>(filter.Segment) is { } segment)
        {
            accounts = accounts.Where(a => a.Segment == segment);
        }
        if (EnumText.ParseOrNull<Region>(filter.Region) is { } region)
        {
            accounts = accounts.Where(a => a.Region == region);
        }
        if (!string.IsNullOrWhiteSpace(filter.Product))
        {
            var key = Keys.FromName(filter.Product);
            accounts = accounts.Where(a => a.Products.Any(p => p.Key == key));
        }
        if (!string.IsNullOrWhiteSpace(filter.Owner))
        {
            var email = filter.Owner.Trim().ToUpperInvariant();
            accounts = accounts.Where(a => a.Owner!.NormalizedEmail == email);
        }

        if (EnumText.ParseOrNull<ValueSort>(filter.Sort) is { } sort)
        {
            // Every filter above makes a new query: the same one means every account is asked for.
            return await AccountValueOrder.SearchAsync(db, page, accounts == all ? null : accounts, sort, valuesOfOwner, ct);
        }
        var ordered = accounts.OrderBy(a => a.Name).ThenBy(a => a.Id);
        var total = await ordered.CountAsync(ct);
        var items = await ordered.Skip(page.Skip).Take(page.Size).Select(Summary).ToListAsync(ct);
        return new Paged<AccountSummary>(items, total, page.PageNumber, page.Size);
    }

    /// <summary>Names what is wrong with a filter, so a typo is not silently an empty list.</summary>
    public static void Validate(this AccountFilter filter, ValidationErrors errors)
    {
        EnumText.Optional<Segment>(filter.Segment, "segment", errors);
        EnumText.Optional<Region>(filter.Region, "region", errors);
        if (!string.IsNullOrWhiteSpace(filter.Sort) && !string.Equals(filter.Sort.Trim(), "name", StringComparison.OrdinalIgnoreCase)
            && EnumText.ParseOrNull<ValueSort>(filter.Sort) is null)
        {
            errors.Add("sort", "sort must be one of name, engagementValue, multiple.");
        }
        if (!string.IsNullOrWhiteSpace(filter.Country) && Countries.Resolve(filter.Country) is null)
        {
            errors.Add("country", $"'{filter.Country}' is not a country name or ISO code.");
        }
    }

    public static async Task<AccountResponse?> FindAccountAsync(this VouchDbContext db, Guid id, CancellationToken ct)
    {
        var account = await db.Accounts.AsNoTracking().AsSplitQuery()
            .Where(a => a.Id == id)
            .Select(a => new
            {
                Response = new AccountResponse(
                    a.Id, a.Name, a.Industry!.Name,
                    a.Segment.HasValue ? a.Segment.Value.ToString() : null,
                    a.Region.HasValue ? a.Region.Value.ToString() : null,
                    a.CountryCode, null, a.Employees, a.AnnualRevenue, a.GrossProfit, a.CustomerSince, a.ContractDate,
                    a.Owner!.Email,
                    a.Products.OrderBy(p => p.Name).Select(p => p.Name).ToList(),
                    a.CompetitorsReplaced, a.ExternalId, a.Version),
                a.ExternalOwnerId,
                a.OwnerId,
            })
            .SingleOrDefaultAsync(ct);
        if (account is null)
        {
            return null;
        }
        // From the account's contacts to their answers, each by its index; the other way round reads every answer.
        var answers = await (
                from c in db.Contacts
                where c.AccountId == id
                join n in db.NpsAnswers on c.Id equals n.ContactId
                select new { n.ContactId, n.AnsweredOn, n.Id, n.Score })
            .AsNoTracking()
            .ToListAsync(ct);
        var response = account.Response;
        return response with
        {
            CountryName = response.Country is null ? null : Countries.NameOf(response.Country),
            ExternalOwnerId = account.OwnerId is null ? account.ExternalOwnerId : null,
            Nps = NetPromoterScore.Of(answers.Select(n => (n.ContactId, n.AnsweredOn, n.Id, n.Score))),
        };
    }

    /// <summary>Accounts, and contacts deleted on their own, deleted since <paramref name="since"/>, newest first.</summary>
    public static async Task<IReadOnlyList<DeletedRecord>> RecentlyDeletedAsync(this VouchDbContext db, DateTimeOffset since, CancellationToken ct)
    {
        var accounts = await db.Accounts.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.DeletedAt != null && a.DeletedAt >= since)
            .Select(a => new DeletedRecord("Account", a.Id, a.Name, null, a.DeletedAt!.Value,
                db.Contacts.IgnoreQueryFilters().Count(c => c.AccountId == a.Id && c.DeletedAt == a.DeletedAt)))
            .ToListAsync(ct);
        var contacts = await db.Contacts.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.DeletedAt != null && c.DeletedAt >= since && c.Account!.DeletedAt == null)
            .Select(c => new DeletedRecord("Contact", c.Id, c.FirstName + " " + c.LastName, c.Account!.Name, c.DeletedAt!.Value, 0))
            .ToListAsync(ct);
        return [.. accounts.Concat(contacts).OrderByDescending(r => r.DeletedAt).Take(200)];
    }
}
