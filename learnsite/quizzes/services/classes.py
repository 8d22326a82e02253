"""Writes for classes: a teacher makes them; a learner joins one once with a name and comes back
on another device with a personal code."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from learnsite.quizzes.models import Learner, SchoolClass, name_key
from learnsite.quizzes.refusals import QuizRefused

NAME_MAX = 80


def _clean_name(name: str, *, what: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise QuizRefused(what)
    if len(name) > NAME_MAX:
        raise QuizRefused(_("A name can have at most %(n)d characters.") % {"n": NAME_MAX})
    return name


def class_create(*, teacher: AbstractBaseUser, name: str) -> SchoolClass:
    name = _clean_name(name, what=_("Give the class a name, for example 7b or Deutsch B1 Dienstag."))
    if SchoolClass.objects.filter(teacher=teacher, name=name).exists():
        raise QuizRefused(_("You already have a class called “%(name)s”.") % {"name": name})
    return SchoolClass.objects.create(teacher=teacher, name=name)


def class_rename(*, school_class: SchoolClass, name: str) -> SchoolClass:
    name = _clean_name(name, what=_("Give the class a name, for example 7b or Deutsch B1 Dienstag."))
    if SchoolClass.objects.filter(teacher=school_class.teacher, name=name).exclude(pk=school_class.pk).exists():
        raise QuizRefused(_("You already have a class called “%(name)s”.") % {"name": name})
    school_class.name = name
    school_class.save(update_fields=["name"])
    return school_class


def class_delete(*, school_class: SchoolClass) -> None:
    """Delete the class and its list of learners; their quizzes and results stay (under the
    names the learners gave), the quizzes then open to anyone with the link."""
    school_class.delete()


def learner_join(*, school_class: SchoolClass, name: str) -> Learner:
    """A new learner in the class; a name already taken there is refused (it may be theirs from
    another device: then the personal code brings them back)."""
    name = _clean_name(name, what=_("Give your name so your teacher sees your results."))
    taken = _("Someone in this class already joined as “%(name)s”. If that was you, enter your personal "
              "code; if not, add the first letter of your surname.") % {"name": name}
    if Learner.objects.filter(school_class=school_class, name_key=name_key(name)).exists():
        raise QuizRefused(taken)
    try:
        with transaction.atomic():
            return Learner.objects.create(school_class=school_class, name=name)
    except IntegrityError:  # the same name joined twice at once
        raise QuizRefused(taken) from None


def learner_remove(*, learner: Learner) -> None:
    """Take a learner off the class list (a name given by mistake); their attempts stay under the name."""
    learner.delete()
