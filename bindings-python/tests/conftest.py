import pytest

import mongolia_relations as mr


@pytest.fixture(scope="session")
def dprk_events() -> mr.ResultSet:
    return mr.events(polity="North Korea")
