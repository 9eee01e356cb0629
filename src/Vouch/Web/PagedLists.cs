namespace Vouch.Web;

/// <summary>What a list endpoint answers: a page of the search, or what is wrong with the query, each parameter named.</summary>
public static class PagedLists
{
    /// <summary>
    /// Checks the paging and, with <paramref name="filter"/>, the filter's own rules, then searches: a typo in a filter
    /// is a refusal naming it rather than an empty list.
    /// </summary>
    public static async Task<CommandResult<Paged<T>>> ListAsync<T>(
        this PageQuery page, Func<Task<Paged<T>>> search, Action<ValidationErrors>? filter = null)
    {
        var errors = new ValidationErrors();
        page.Validate(errors);
        filter?.Invoke(errors);
        return errors.IsEmpty ? await search() : Refusal.Invalid(errors);
    }
}
