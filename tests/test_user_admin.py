"""Making someone staff or superuser, or deactivating them, through the admin's user pages: only
superusers may, and each change is an event in the audit trail."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied

from undersigned.accounts.actions import change_account_flags
from undersigned.audit.models import Event


@pytest.fixture
def root(db):
    return get_user_model().objects.create_superuser("root", "root@example.org", "x" * 16)


def _post_user_form(client, user, **flags) -> int:
    """Post the admin's change form of `user` as the page shows it, with the flags given."""
    data = {
        "username": user.username,
        "first_name": "",
        "last_name": "",
        "email": user.email,
        "date_joined_0": "2024-01-01",
        "date_joined_1": "10:00:00",
        "initial-date_joined_0": "2024-01-01",
        "initial-date_joined_1": "10:00:00",
    }
    data.update({flag: "on" for flag, on in flags.items() if on})
    return client.post(f"/admin/auth/user/{user.pk}/change/", data).status_code


def _events(kind: str) -> list[dict]:
    return list(Event.objects.filter(kind=kind).values("actor_id", "details"))


@pytest.mark.django_db
def test_a_superuser_makes_someone_staff_and_the_trail_says_so(client, root, bob):
    client.force_login(root)
    assert _post_user_form(client, bob, is_active=True, is_staff=True) == 302
    bob.refresh_from_db()
    assert bob.is_staff and not bob.is_superuser
    assert _events("user.staff_granted") == [
        {"actor_id": root.pk, "details": {"user_id": bob.pk, "user": "bob"}}
    ]


@pytest.mark.django_db
def test_a_superuser_deactivates_an_account_and_the_trail_says_so(client, root, bob):
    client.force_login(root)
    assert _post_user_form(client, bob) == 302
    bob.refresh_from_db()
    assert not bob.is_active
    assert [e["details"]["user_id"] for e in _events("user.deactivated")] == [bob.pk]


@pytest.mark.django_db
def test_a_superuser_makes_someone_superuser(client, root, bob):
    client.force_login(root)
    assert _post_user_form(client, bob, is_active=True, is_superuser=True) == 302
    bob.refresh_from_db()
    assert bob.is_superuser
    assert len(_events("user.superuser_granted")) == 1


@pytest.mark.django_db
def test_staff_who_may_change_users_cannot_make_anyone_staff(client, alice, bob):
    alice.user_permissions.add(
        Permission.objects.get(codename="change_user"),
        Permission.objects.get(codename="view_user"),
    )
    client.force_login(alice)
    page = client.get(f"/admin/auth/user/{bob.pk}/change/").content.decode()
    assert 'name="is_staff"' not in page
    assert _post_user_form(client, bob, is_active=True, is_staff=True, is_superuser=True) == 302
    bob.refresh_from_db()
    assert not bob.is_staff and not bob.is_superuser and bob.is_active
    assert not Event.objects.filter(kind__startswith="user.").exists()
    with pytest.raises(PermissionDenied):
        change_account_flags(target=bob, user=alice, is_staff=True)


@pytest.mark.django_db
def test_a_saved_form_without_changes_records_nothing(client, root, bob):
    client.force_login(root)
    assert _post_user_form(client, bob, is_active=True) == 302
    assert not Event.objects.filter(kind__startswith="user.").exists()


@pytest.mark.django_db
def test_accounts_are_deactivated_never_deleted(client, root, bob):
    client.force_login(root)
    assert client.get(f"/admin/auth/user/{bob.pk}/delete/").status_code == 403
