using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Features.Contacts;
using Vouch.Features.Requests;

namespace Vouch.Features.Stakeholders;

/// <summary>The stakeholder groups, their members and rules of engagement; the queue they order and the shares they got.</summary>
public sealed class StakeholderGroups(VouchDbContext db, AdvocateSnapshot advocates, TimeProvider clock)
{
    private static readonly Refusal s_notFound = Refusal.NotFound("The stakeholder group");

    public async Task<IReadOnlyList<GroupRules>> RulesAsync(CancellationToken ct) =>
        [.. (await db.Set<StakeholderGroup>().AsNoTracking().ToListAsync(ct))
            .Select(Rules).OrderBy(g => g.Priority).ThenBy(g => g.Name, StringComparer.Ordinal)];

    /// <summary>The group of the user, whose rules their requests follow; null when they are in none.</summary>
    public async Task<GroupRules?> GroupOfAsync(Guid userId, CancellationToken ct)
    {
        var group = await (from m in db.Set<StakeholderMember>()
                           join g in db.Set<StakeholderGroup>() on m.GroupId equals g.Id
                           where m.UserId == userId
                           select g).AsNoTracking().SingleOrDefaultAsync(ct);
        return group is null ? null : Rules(group);
    }

    public async Task<IReadOnlyList<StakeholderGroupResponse>> ListAsync(CancellationToken ct)
    {
        var groups = await db.Set<StakeholderGroup>().AsNoTracking().ToListAsync(ct);
        var members = (await (from m in db.Set<StakeholderMember>()
                              join u in db.Users on m.UserId equals u.Id
                              select new { m.GroupId, u.Id, Name = u.DisplayName == "" ? u.Email! : u.DisplayName }).ToListAsync(ct))
            .ToLookup(m => m.GroupId);
        return [.. groups.OrderBy(g => g.Priority).ThenBy(g => g.Name, StringComparer.Ordinal).Select(g => new StakeholderGroupResponse(
            g.Key, g.Name, g.Priority, g.Activities, g.CapacityShare,
            [.. members[g.Id].OrderBy(m => m.Name, StringComparer.Ordinal).Select(m => new MemberResponse(m.Id, m.Name))], g.Version))];
    }

    public async Task<CommandResult<StakeholderGroupResponse>> UpdateAsync(string key, StakeholderGroupInput input, CancellationToken ct)
    {
        var group = await db.Set<StakeholderGroup>().SingleOrDefaultAsync(g => g.Key == key, ct);
        if (group is null)
        {
            return s_notFound;
        }
        var errors = new ValidationErrors();
        if (input.Priority is not (>= 1 and <= 99))
        {
            errors.Add("priority", "priority is required, from 1 (first) to 99.");
        }
        if (input.CapacityShare is not (>= 0 and <= 100))
        {
            errors.Add("capacityShare", "capacityShare is required, a percentage from 0 to 100.");
        }
        else
        {
            var others = await db.Set<StakeholderGroup>().Where(g => g.Id != group.Id).SumAsync(g => g.CapacityShare, ct);
            if (others + input.CapacityShare > 100)
            {
                errors.Add("capacityShare", $"capacityShare {input.CapacityShare}% with the other groups' {others}% is more than 100%; at most {100 - others}% is left.");
            }
        }
        var activities = (input.Activities ?? []).Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).Distinct(StringComparer.Ordinal).ToList();
        var known = await db.ActivityTypes.Where(t => activities.Contains(t.Key)).Select(t => t.Key).ToListAsync(ct);
        foreach (var unknown in activities.Except(known, StringComparer.Ordinal))
        {
            errors.Add("activities", $"'{unknown}' is not an activity type; GET /api/v1/activity-types lists them.");
        }
        if (!errors.IsEmpty)
        {
            return Refusal.Invalid(errors);
        }
        if (Versioning.Check(group, input.Version) is { } stale)
        {
            return stale;
        }
        (group.Priority, group.CapacityShare, group.Activities) = (input.Priority!.Value, input.CapacityShare!.Value, activities);
        var saved = await db.SaveOverAsync(group, input.Version!.Value, ct);
        if (!saved.Succeeded)
        {
            return saved.Refusal;
        }
        return (await ListAsync(ct)).Single(g => g.Key == key);
    }

    public async Task<CommandResult> SetMemberAsync(Guid userId, MembershipInput input, CancellationToken ct)
    {
        if (!await db.Users.AnyAsync(u => u.Id == userId, ct))
        {
            return Refusal.NotFound("The user");
        }
        StakeholderGroup? group = null;
        if (!string.IsNullOrWhiteSpace(input.Group) && (group = await db.Set<StakeholderGroup>().SingleOrDefaultAsync(g => g.Key == input.Group, ct)) is null)
        {
            return Refusal.Invalid("group", $"group '{input.Group}' is not a stakeholder group; GET /api/v1/stakeholders lists them.");
        }
        var member = await db.Set<StakeholderMember>().SingleOrDefaultAsync(m => m.UserId == userId, ct);
        if (member is not null && group is null)
        {
            db.Remove(member);
        }
        else if (member is null && group is not null)
        {
            db.Add(new StakeholderMember { UserId = userId, GroupId = group.Id });
        }
        else if (member is not null && group is not null)
        {
            member.GroupId = group.Id;
        }
        await db.SaveChangesAsync(ct);
        return CommandResult.Success;
    }

    /// <summary>
    /// The requests waiting for an advocate, in the order reference managers should serve them. An activity is short
    /// when more requests wait for it than referenceable advocates agreed to it (the advocate pool that matching and
    /// supply and demand read).
    /// </summary>
    public async Task<IReadOnlyList<QueueItemResponse>> QueueAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var groups = await db.Set<StakeholderGroup>().AsNoTracking().ToDictionaryAsync(g => g.Id, ct);
        var waiting = await db.ReferenceRequests.AsNoTracking().Where(r => r.Status == RequestStatus.Submitted)
            .Select(r => new { r.Id, r.ActivityTypeId, Activity = r.ActivityType!.Key, r.StakeholderGroupId, Amount = (decimal?)r.Opportunity!.Amount, r.CreatedAt })
            .ToListAsync(ct);
        var wanted = waiting.Select(w => w.ActivityTypeId).ToHashSet();
        var keys = waiting.GroupBy(w => w.ActivityTypeId).ToDictionary(g => g.Key, g => g.First().Activity);
        var pool = await advocates.CurrentAsync(ct);
        var available = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var advocate in pool.Advocates)
        {
            var candidate = advocate.Candidate;
            if (candidate.Consent == ConsentLevel.None || candidate.ConsentExpiresOn < today)
            {
                continue;
            }
            foreach (var activity in candidate.AgreedActivityIds.Where(wanted.Contains))
            {
                available[keys[activity]] = available.GetValueOrDefault(keys[activity]) + 1;
            }
        }
        var queued = waiting.Select(w => new QueuedRequest(w.Id, w.Activity,
            w.StakeholderGroupId is { } g && groups.TryGetValue(g, out var group) ? group.Priority : null, w.Amount, w.CreatedAt)).ToList();
        var groupOf = waiting.ToDictionary(w => w.Id, w => w.StakeholderGroupId is { } g && groups.TryGetValue(g, out var group) ? group.Name : null);
        return [.. StakeholderQueue.Order(queued, available).Select((e, i) => new QueueItemResponse(
            i + 1, e.Request.Id, e.Request.ActivityType, groupOf[e.Request.Id], e.Request.DealAmount, e.Request.CreatedAt, e.Short))];
    }

    /// <summary>The share of the requests made in <c>[from, to)</c> and fulfilled (the activity took place) that each group got.</summary>
    public async Task<IReadOnlyList<GroupShare>> SharesAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var (fromAt, toAt) = (new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), new DateTimeOffset(to.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        var groups = await db.Set<StakeholderGroup>().AsNoTracking().ToListAsync(ct);
        var keyOf = groups.ToDictionary(g => g.Id, g => g.Key);
        var fulfilled = await db.ReferenceRequests.AsNoTracking()
            .Where(r => r.CreatedAt >= fromAt && r.CreatedAt < toAt && (r.Status == RequestStatus.Completed || r.Status == RequestStatus.FeedbackRecorded && r.Happened == true))
            .Select(r => r.StakeholderGroupId).ToListAsync(ct);
        return StakeholderQueue.Shares([.. groups.Select(Rules)], [.. fulfilled.Select(g => g is { } id && keyOf.TryGetValue(id, out var key) ? key : null)]);
    }

    private static GroupRules Rules(StakeholderGroup g) => new(g.Id, g.Key, g.Name, g.Priority, g.Activities, g.CapacityShare);
}
