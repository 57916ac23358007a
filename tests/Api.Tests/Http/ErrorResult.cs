using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans.Render.Api.Http;
using Xunit;

namespace Orleans.Render.Api.Tests.Http;

/// <summary>The status, code and message of an error result, read without running it.</summary>
internal sealed record ErrorResult(int Status, string Error, string Message)
{
    public static ErrorResult Of(IResult? result)
    {
        var json = Assert.IsType<JsonHttpResult<ApiErrors.ErrorBody>>(result);
        return new ErrorResult(json.StatusCode!.Value, json.Value!.Error, json.Value.Message);
    }
}
