"""``resumeiq serve``'s server hands the objects that exist before the app starts to the garbage
collector's permanent generation, so that a full collection under load does not walk them all
again (``resumeiq.server.Server``)."""

from __future__ import annotations

import gc

import uvicorn

from resumeiq.server import Server


async def _app(scope, receive, send) -> None:  # noqa: ANN001  (a minimal ASGI app)
    if scope["type"] == "lifespan":
        while (await receive())["type"] != "lifespan.shutdown":
            await send({"type": "lifespan.startup.complete"})
        await send({"type": "lifespan.shutdown.complete"})


async def test_the_objects_made_before_start_up_are_frozen() -> None:
    server = Server(uvicorn.Config(_app, host="127.0.0.1", port=0, log_config=None, lifespan="on"))
    server.config.load()
    server.lifespan = server.config.lifespan_class(server.config)
    try:
        await server.startup()
        assert gc.get_freeze_count() > 0
        assert not any(o is server for o in gc.get_objects())  # frozen: no collection walks it
    finally:
        await server.shutdown()
        gc.unfreeze()  # the rest of the test session collects as usual
