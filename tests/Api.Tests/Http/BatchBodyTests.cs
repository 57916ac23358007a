using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Orleans.Render.Api.Http;
using Orleans.Render.Conventions.Addresses;
using Orleans.Render.Conventions.Credentials;
using Xunit;

namespace Orleans.Render.Api.Tests.Http;

/// <summary>The bodies of <c>POST /v2/batch</c> and <c>POST /v2/batch/{id}/tasks</c>: what the SDKs send, and a code for each mistake.</summary>
public sealed class BatchBodyTests
{
    private static readonly string[] Pools = ["default", "gpu"];

    private static (string? Project, string Routing, int? Window, IResult? Error) Create(string? json, string? authorization = null)
    {
        using var document = json is null ? null : JsonDocument.Parse(json);
        return BatchBody.ParseCreate(document?.RootElement, authorization, Pools);
    }

    private static (List<Models.Batches.BatchTask>? Tasks, IResult? Error) Tasks(string json)
    {
        using var document = JsonDocument.Parse(json);
        return BatchBody.ParseTasks(document.RootElement, "p1", "gpu", 4, Pools, OutboundUrlPolicy.Strict, new InputLimitsOptions(), new ServerCredentialsOptions());
    }

    [Fact]
    public void The_sdk_create_bodies_take_the_project_from_the_bearer_key_or_its_render_keys_project_and_the_default_pool()
    {
        Assert.Equal(("p1", "default", (int?)null), Valid(Create("{}", "Bearer p1")));
        Assert.Equal(("p1", "gpu", (int?)null), Valid(Create("""{"routing": "gpu"}""", "bearer p1")));
        Assert.Equal(("p1", "default", (int?)null), Valid(Create(null, "Bearer p1")));
        Assert.Equal(("p2", "default", (int?)3), Valid(Create("""{"project": "p2", "window": 3}""", "Bearer p1")));
        var renderKey = $"p3.{Conventions.Access.AccessSecrets.NewId(Conventions.Access.AccessSecrets.RenderKeyPrefix)}.{Conventions.Access.AccessSecrets.NewSecret()}";
        Assert.Equal(("p3", "default", (int?)null), Valid(Create("{}", $"Bearer {renderKey}")));

        static (string?, string, int?) Valid((string? Project, string Routing, int? Window, IResult? Error) parsed)
        {
            Assert.Null(parsed.Error);
            return (parsed.Project, parsed.Routing, parsed.Window);
        }
    }

    [Theory]
    [InlineData("{}", null, "missing_project")]
    [InlineData("{}", "Basic a2V5OnNlY3JldA==", "missing_project")]
    [InlineData("[]", "Bearer p1", "invalid_request")]
    [InlineData("""{"routing": 5}""", "Bearer p1", "invalid_routing_key")]
    [InlineData("""{"routing": "elsewhere"}""", "Bearer p1", "unknown_routing_key")]
    [InlineData("""{"window": 0}""", "Bearer p1", "invalid_window")]
    [InlineData("""{"window": 2.5}""", "Bearer p1", "invalid_window")]
    [InlineData("""{"window": "8"}""", "Bearer p1", "invalid_window")]
    [InlineData("""{"project": {"id": 1}}""", null, "invalid_project")]
    public void Create_mistakes_have_their_own_codes(string json, string? authorization, string error)
    {
        var parsed = Create(json, authorization);
        Assert.Null(parsed.Project);
        Assert.Equal((400, error), (ErrorResult.Of(parsed.Error).Status, ErrorResult.Of(parsed.Error).Error));
    }

    [Fact]
    public void Each_task_is_a_render_body_in_the_batch_project_and_pool()
    {
        var (tasks, error) = Tasks("""
            {"tasks": [{"movie": "intro", "params": {"name": "Ada", "n": 3}, "format": "gif"},
                       {"movie": {"jpg": "poster", "*": "intro"}, "routingKey": "default", "parallel": 2}]}
            """);

        Assert.Null(error);
        Assert.Equal(2, tasks!.Count);
        Assert.Equal(("gif", "intro", "p1", "gpu"), (tasks[0].Extension, tasks[0].Movie, tasks[0].Request.Project, tasks[0].Request.RoutingKey));
        Assert.Equal(new Dictionary<string, string> { ["name"] = "Ada", ["n"] = "3" }, tasks[0].Request.Params);
        Assert.Equal(("mp4", "intro", 2, "gpu"), (tasks[1].Extension, tasks[1].Movie, tasks[1].Request.Parallel, tasks[1].Request.RoutingKey));
    }

    [Theory]
    [InlineData("""{"movie": "intro"}""", "missing_tasks", -1)]
    [InlineData("""{"tasks": {"movie": "intro"}}""", "missing_tasks", -1)]
    [InlineData("""{"tasks": [{"movie": "intro"}, {"params": {}}]}""", "missing_movie", 1)]
    [InlineData("""{"tasks": [{"movie": "../etc"}]}""", "invalid_movie", 0)]
    [InlineData("""{"tasks": [{"movie": "intro", "format": "exe"}]}""", "unsupported_extension", 0)]
    [InlineData("""{"tasks": [{"movie": "intro"}, {"movie": "intro"}, {"movie": "intro", "parallel": "many"}]}""", "invalid_parallel", 2)]
    [InlineData("""{"tasks": [7]}""", "invalid_request", 0)]
    public void A_bad_task_refuses_the_call_and_says_which_task(string json, string error, int index)
    {
        var (tasks, result) = Tasks(json);

        Assert.Null(tasks);
        if (index >= 0)
        {
            var taskError = Assert.IsType<BatchBody.TaskError>(result);
            Assert.Equal(index, taskError.Index);
            result = taskError.Error;
        }

        Assert.Equal((400, error), (ErrorResult.Of(result).Status, ErrorResult.Of(result).Error));
    }
}
