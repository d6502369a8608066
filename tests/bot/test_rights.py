"""Group settings belong to the group's administrators (getChatMember), over real HTTP."""

from __future__ import annotations

from sqlmodel import Session

from bot.rights import MemberCache
from bot.store import chats
from bot.store.values import ChatInfo
from tests.bot.conftest import Harness
from tests.bot.fake_api import BOT_USERNAME, FakeBotApi

GROUP = -1005001
ADMIN, MEMBER = 51, 52
REFUSAL = "Only the administrators of this group can change its settings."


def _chat(harness: Harness, chat_id: int) -> ChatInfo | None:
    with Session(harness.engine) as session:
        return chats.get_chat(session=session, chat_id=chat_id)


async def test_members_cannot_change_a_groups_settings(
    harness: Harness, fake_api: FakeBotApi
) -> None:
    fake_api.group_chat(GROUP)
    fake_api.set_admins(GROUP, ADMIN)
    (at,) = harness.settings.default_times  # as the fixture made it, not recomputed here
    async with harness.running():
        sub = await fake_api.reply_to(GROUP, f"/subscribe@{BOT_USERNAME}", user_id=ADMIN)
        assert sub.text.startswith("Subscribed"), sub.text
        for command in (
            "/unsubscribe",
            "/schedule 06:45",
            "/timezone Europe/Paris",
            "/topics add harbour",
            "/topics clear",
            "/settings length short",
            "/subscribe",
            "/start",
        ):
            answer = await fake_api.reply_to(GROUP, command, user_id=MEMBER)
            assert answer.text.startswith(REFUSAL), (command, answer.text)
        chat = _chat(harness, GROUP)
        assert chat is not None and chat.subscribed
        assert (chat.times, chat.timezone, chat.topics, chat.words) == ((at,), "UTC", (), None)
        # Showing stays open to every member.
        shown = await fake_api.reply_to(GROUP, "/settings", user_id=MEMBER)
        assert shown.text.startswith("Settings"), shown.text
        listed = await fake_api.reply_to(GROUP, "/topics", user_id=MEMBER)
        assert listed.text.startswith("No topics"), listed.text
        when = await fake_api.reply_to(GROUP, "/schedule", user_id=MEMBER)
        assert when.text.startswith("Briefings at"), when.text
        # The administrator can.
        done = await fake_api.reply_to(GROUP, "/topics add harbour", user_id=ADMIN)
        assert done.text.startswith("Topics: harbour"), done.text
        gone = await fake_api.reply_to(GROUP, "/unsubscribe", user_id=ADMIN)
        assert gone.text.startswith("Unsubscribed"), gone.text
    chat = _chat(harness, GROUP)
    assert chat is not None and not chat.subscribed and chat.topics == ("harbour",)


async def test_the_creator_and_anonymous_administrators_count(
    harness: Harness, fake_api: FakeBotApi
) -> None:
    fake_api.group_chat(GROUP)
    fake_api.set_admins(GROUP, owner=ADMIN)
    async with harness.running():
        owner = await fake_api.reply_to(GROUP, "/timezone Europe/Paris", user_id=ADMIN)
        assert owner.text.startswith("Timezone set"), owner.text
        before = len(fake_api.sent(GROUP))
        fake_api.anonymous_admin_says(GROUP, "/timezone Asia/Tokyo")
        anonymous = (await fake_api.wait_sent(GROUP, before + 1))[before]
        assert anonymous.text.startswith("Timezone set"), anonymous.text
    chat = _chat(harness, GROUP)
    assert chat is not None and chat.timezone == "Asia/Tokyo"


async def test_answers_are_remembered_for_a_while_and_private_chats_ask_nobody(
    harness: Harness, fake_api: FakeBotApi
) -> None:
    fake_api.group_chat(GROUP)
    fake_api.set_admins(GROUP, ADMIN)
    fake_api.private_chat(MEMBER)
    async with harness.running():
        for hhmm in ("06:45", "06:50", "06:55"):
            await fake_api.reply_to(GROUP, f"/schedule {hhmm}", user_id=ADMIN)
        for _ in range(2):
            await fake_api.reply_to(GROUP, "/unsubscribe", user_id=MEMBER)
        assert len(fake_api.calls("getChatMember")) == 2  # one per (group, user)
        private = await fake_api.reply_to(MEMBER, "/schedule 07:00")
        assert private.text.startswith("Briefings at 07:00"), private.text
        assert len(fake_api.calls("getChatMember")) == 2


def test_the_cache_forgets_after_its_time_and_stays_bounded() -> None:
    cache = MemberCache(seconds=0.0)
    cache.put(1, 2, "administrator")
    assert cache.get(1, 2) is None
    cache = MemberCache(limit=3)
    for user in range(5):
        cache.put(1, user, "member")
    assert len(cache.entries) <= 3 and cache.get(1, 4) == "member"
    cache.put(2, 9, "administrator")
    cache.forget(1)
    assert list(cache.entries) == [(2, 9)]
